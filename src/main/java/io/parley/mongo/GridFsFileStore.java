package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Updates;
import io.parley.files.FileStore;
import io.parley.files.FileTooLargeException;
import io.parley.files.StoredFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Files in MongoDB GridFS (bucket {@code files}), through the driver: uploads and downloads are
 * streamed chunk by chunk. The room, uploader, declared type and thumbnail are the file's metadata.
 * (The embedded store has no secondary indexes, so finding a file's chunks scans the chunk
 * collection there; a real MongoDB uses GridFS's own {files_id, n} index.)
 */
public class GridFsFileStore implements FileStore {

  static final String BUCKET = "files";

  private final MongoDatabase db;
  private final GridFSBucket bucket;

  public GridFsFileStore(MongoDatabase db) {
    this.db = db;
    this.bucket = GridFSBuckets.create(db, BUCKET);
  }

  @Override
  public StoredFile save(
      String roomId,
      String uploaderId,
      String name,
      String contentType,
      String thumbnailOf,
      InputStream data,
      long maxBytes)
      throws IOException {
    Document metadata =
        new Document("roomId", roomId)
            .append("uploaderId", uploaderId)
            .append("contentType", contentType)
            .append("thumbnailOf", thumbnailOf)
            .append("attached", thumbnailOf != null); // uploads expire until a message has them
    Limited limited = new Limited(data, maxBytes);
    ObjectId id;
    try {
      id = bucket.uploadFromStream(name, limited, new GridFSUploadOptions().metadata(metadata));
    } catch (MongoGridFSException e) {
      if (limited.over) {
        throw new FileTooLargeException(maxBytes); // the driver removed the chunks it wrote
      }
      throw e;
    }
    return find(id.toHexString()).orElseThrow();
  }

  @Override
  public Optional<StoredFile> find(String fileId) {
    if (!ObjectId.isValid(fileId)) {
      return Optional.empty();
    }
    GridFSFile f = bucket.find(eq("_id", new ObjectId(fileId))).first();
    if (f == null || f.getMetadata() == null) {
      return Optional.empty();
    }
    Document m = f.getMetadata();
    return Optional.of(
        new StoredFile(
            fileId,
            m.getString("roomId"),
            m.getString("uploaderId"),
            f.getFilename(),
            m.getString("contentType"),
            f.getLength(),
            m.getString("thumbnailOf"),
            m.getString("thumbnailId"),
            m.getInteger("width", 0),
            m.getInteger("height", 0)));
  }

  @Override
  public void setThumbnail(String fileId, String thumbnailId, int width, int height) {
    db.getCollection(BUCKET + ".files")
        .updateOne(
            eq("_id", new ObjectId(fileId)),
            Updates.combine(
                Updates.set("metadata.thumbnailId", thumbnailId),
                Updates.set("metadata.width", width),
                Updates.set("metadata.height", height)));
  }

  @Override
  public void copy(String fileId, OutputStream out) {
    bucket.downloadToStream(new ObjectId(fileId), out);
  }

  @Override
  public InputStream open(String fileId) {
    return bucket.openDownloadStream(new ObjectId(fileId));
  }

  @Override
  public void delete(String fileId) {
    if (ObjectId.isValid(fileId)) {
      try {
        bucket.delete(new ObjectId(fileId));
      } catch (MongoGridFSException e) {
        // gone already
      }
    }
  }

  @Override
  public void markAttached(java.util.List<String> fileIds) {
    List<ObjectId> ids = fileIds.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
    if (!ids.isEmpty()) {
      db.getCollection(BUCKET + ".files")
          .updateMany(
              com.mongodb.client.model.Filters.in("_id", ids),
              Updates.set("metadata.attached", true));
    }
  }

  @Override
  public java.util.List<String> unattachedBefore(java.time.Instant before) {
    // Only uploads marked unattached: files stored before the flag existed are left alone.
    List<String> ids = new java.util.ArrayList<>();
    bucket
        .find(
            com.mongodb.client.model.Filters.and(
                eq("metadata.attached", false),
                com.mongodb.client.model.Filters.lt("uploadDate", java.util.Date.from(before))))
        .forEach(f -> ids.add(f.getObjectId().toHexString()));
    return ids;
  }

  @Override
  public long bytesUploadedBy(String uploaderId) {
    long total = 0;
    for (GridFSFile f :
        bucket.find(
            com.mongodb.client.model.Filters.and(
                eq("metadata.uploaderId", uploaderId), eq("metadata.thumbnailOf", null)))) {
      total += f.getLength();
    }
    return total;
  }

  /** Stops an upload past the limit: the driver then removes what it stored. */
  private static final class Limited extends FilterInputStream {
    private final long max;
    private long read;
    boolean over;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(0, n));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > max) {
        over = true;
        throw new IOException("over " + max + " bytes");
      }
    }
  }
}
