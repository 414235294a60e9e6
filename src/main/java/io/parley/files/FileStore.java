package io.parley.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** Where file contents live; streamed both ways, never held whole in memory. */
public interface FileStore {

  /**
   * Stores what {@code data} yields, refusing (and storing nothing) past {@code maxBytes}: throws
   * {@link FileTooLargeException}.
   */
  StoredFile save(
      String roomId,
      String uploaderId,
      String name,
      String contentType,
      String thumbnailOf,
      InputStream data,
      long maxBytes)
      throws IOException;

  Optional<StoredFile> find(String fileId);

  /** Records the thumbnail made of an image. */
  void setThumbnail(String fileId, String thumbnailId, int width, int height);

  /** Writes the file's contents to {@code out}. */
  void copy(String fileId, OutputStream out) throws IOException;

  /** Reads the file's contents (for making a thumbnail). */
  InputStream open(String fileId);

  void delete(String fileId);
}
