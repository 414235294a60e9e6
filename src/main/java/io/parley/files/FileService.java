package io.parley.files;

import io.parley.common.DomainException;
import io.parley.messaging.Attachment;
import io.parley.rooms.RoomService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sharing files in rooms: whoever may post uploads (up to the size limit, streamed), images get a
 * thumbnail, and a file is read only by those who may read its room. Authorises every call.
 */
public class FileService {

  private static final Logger LOG = Logger.getLogger(FileService.class.getName());
  private static final int MAX_NAME = 200;

  private final RoomService rooms;
  private final FileStore store;
  private final long maxBytes;

  public FileService(RoomService rooms, FileStore store, long maxBytes) {
    this.rooms = rooms;
    this.store = store;
    this.maxBytes = maxBytes;
  }

  private java.util.function.Predicate<String> withheld = fileId -> false;
  private java.util.function.Predicate<String> isAdmin = userId -> false;

  /**
   * Files a legal hold keeps after their message was deleted: only administrators (exporting) may
   * still read them.
   */
  public FileService withheld(
      java.util.function.Predicate<String> keptUnderHold,
      java.util.function.Predicate<String> administrator) {
    this.withheld = keptUnderHold;
    this.isAdmin = administrator;
    return this;
  }

  public long maxBytes() {
    return maxBytes;
  }

  private long quotaBytes = Long.MAX_VALUE;

  /** How many bytes of uploads one person may keep stored (0 or less: no limit). */
  public FileService quota(long bytes) {
    this.quotaBytes = bytes <= 0 ? Long.MAX_VALUE : bytes;
    return this;
  }

  /** Stores a file for a message the user is about to post in the room. */
  public StoredFile upload(
      String userId, String roomId, String name, String contentType, InputStream data) {
    rooms.access().requirePoster(userId, roomId);
    String safeName = safeName(name);
    String type = safeType(contentType);
    long limit = maxBytes;
    if (quotaBytes != Long.MAX_VALUE) {
      long left = quotaBytes - store.bytesUploadedBy(userId);
      if (left <= 0) {
        throw DomainException.conflict(
            "your files take all the space you have ("
                + quotaBytes / (1024 * 1024)
                + " MB): delete some messages with files first");
      }
      limit = Math.min(limit, left);
    }
    try {
      StoredFile file;
      try {
        file = store.save(roomId, userId, safeName, type, null, data, limit);
      } catch (FileTooLargeException e) {
        if (limit < maxBytes) {
          throw DomainException.conflict(
              "that file is bigger than what is left of your space ("
                  + limit / (1024 * 1024)
                  + " MB): delete some messages with files first");
        }
        throw e;
      }
      return type.startsWith("image/") ? withThumbnail(file) : file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not store " + safeName, e);
    }
  }

  /** The user's uploads in the room, as attachments of the message they post now. */
  public List<Attachment> attach(String userId, String roomId, List<String> fileIds) {
    List<Attachment> attachments = new ArrayList<>();
    for (String id : fileIds) {
      StoredFile f =
          store
              .find(id)
              .filter(
                  s ->
                      s.roomId().equals(roomId)
                          && s.uploaderId().equals(userId)
                          && s.thumbnailOf() == null)
              .orElseThrow(() -> DomainException.invalid("no such upload: " + id));
      attachments.add(f.attachment());
    }
    store.markAttached(fileIds);
    return attachments;
  }

  /** The file, if the user may read the room it was shared in (missing otherwise). */
  public StoredFile readable(String userId, String fileId) {
    StoredFile file =
        store.find(fileId).orElseThrow(() -> DomainException.notFound("no such file"));
    if (withheld.test(file.thumbnailOf() == null ? fileId : file.thumbnailOf())) {
      if (!isAdmin.test(userId)) {
        throw DomainException.notFound("no such file");
      }
      return file;
    }
    try {
      rooms.access().visible(userId, file.roomId());
    } catch (DomainException e) {
      throw DomainException.notFound("no such file");
    }
    return file;
  }

  public void copy(StoredFile file, OutputStream out) throws IOException {
    store.copy(file.id(), out);
  }

  /** Deletes the files (and their thumbnails) of a deleted message. */
  public void discard(List<Attachment> files) {
    for (Attachment a : files) {
      store.delete(a.fileId());
      if (a.thumbnailId() != null) {
        store.delete(a.thumbnailId());
      }
    }
  }

  /**
   * Deletes uploads no message took within {@code grace} (abandoned composers, or someone filling
   * the store); returns how many.
   */
  public int expireUnattached(java.time.Instant now, java.time.Duration grace) {
    List<String> due = store.unattachedBefore(now.minus(grace));
    for (String id : due) {
      StoredFile f = store.find(id).orElse(null);
      store.delete(id);
      if (f != null && f.thumbnailId() != null) {
        store.delete(f.thumbnailId());
      }
    }
    return due.size();
  }

  private StoredFile withThumbnail(StoredFile image) throws IOException {
    Optional<Thumbnails.Thumbnail> thumbnail;
    try (InputStream in = store.open(image.id())) {
      thumbnail = Thumbnails.of(in);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "no thumbnail for " + image.id(), e);
      return image;
    }
    if (thumbnail.isEmpty()) {
      return image;
    }
    Thumbnails.Thumbnail t = thumbnail.get();
    StoredFile thumb =
        store.save(
            image.roomId(),
            image.uploaderId(),
            "thumbnail.png",
            "image/png",
            image.id(),
            new ByteArrayInputStream(t.png()),
            maxBytes);
    store.setThumbnail(image.id(), thumb.id(), t.width(), t.height());
    return store.find(image.id()).orElse(image);
  }

  /** A file name without paths or control characters, never empty. */
  public static String safeName(String name) {
    String base = name == null ? "" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    StringBuilder out = new StringBuilder();
    base.codePoints()
        .filter(c -> !Character.isISOControl(c) && c != '"' && !isInvisibleFormat(c))
        .forEach(out::appendCodePoint);
    String clean = out.toString().strip();
    if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
      clean = "file";
    }
    return clean.length() > MAX_NAME ? clean.substring(0, MAX_NAME) : clean;
  }

  /**
   * Bidi overrides and isolates (U+202A–202E, U+2066–2069), marks and other invisible format
   * characters: in a file name they make "exe.pdf" look like "fdp.exe".
   */
  private static boolean isInvisibleFormat(int c) {
    return Character.getType(c) == Character.FORMAT;
  }

  /** A declared type kept only when it looks like one ("type/subtype"); else a neutral one. */
  public static String safeType(String type) {
    if (type == null) {
      return "application/octet-stream";
    }
    String t = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return t.matches("[a-z0-9.+-]{1,40}/[a-z0-9.+-]{1,80}") ? t : "application/octet-stream";
  }
}
