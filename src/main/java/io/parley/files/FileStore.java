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

  /** Marks uploads as carried by a posted message: they no longer expire unattached. */
  void markAttached(java.util.List<String> fileIds);

  /** The ids of uploads (not thumbnails) never attached to a message and stored before then. */
  java.util.List<String> unattachedBefore(java.time.Instant before);

  /** How many bytes the person's stored uploads take (thumbnails not counted). */
  long bytesUploadedBy(String uploaderId);
}
