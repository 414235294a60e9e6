package io.parley.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RootReference;

/**
 * An online backup of the embedded store: every map as it stood at one moment, copied into a new
 * store file. The moment is taken between writes (no write is half in it) and that version of the
 * file is kept from being overwritten while it is read; the copy itself runs while Parley works.
 * The result is an ordinary store file: a restore puts it where the data directory's file was.
 */
final class StoreBackup {

  /** Entries copied between two commits of the copy (bounds its unsaved memory). */
  static final int COMMIT_EVERY = 10_000;

  /** What a backup wrote. */
  public record Result(Path file, long bytes, int maps, long entries, long millis) {}

  private StoreBackup() {}

  static Result copy(MVStore store, GroupCommit commits, Path target) {
    long start = System.nanoTime();
    Moment moment = commits.exclusively(() -> Moment.take(store));
    Path part = target.resolveSibling(target.getFileName() + ".part");
    long entries = 0;
    try {
      ownerOnly(Files.createDirectories(target.toAbsolutePath().getParent()), "rwx------");
      Files.deleteIfExists(part);
      MVStore copy = new MVStore.Builder().fileName(part.toString()).autoCommitDisabled().open();
      try {
        for (Map.Entry<String, RootReference<Object, Object>> map : moment.roots.entrySet()) {
          entries += copyMap(open(store, map.getKey()), map.getValue(), open(copy, map.getKey()));
          copy.commit();
        }
      } finally {
        copy.close();
      }
      try (FileChannel written = FileChannel.open(part, StandardOpenOption.WRITE)) {
        written.force(true);
      }
      ownerOnly(part, "rw-------"); // every message of every room, readable by Parley's user only
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return new Result(
          target,
          Files.size(target),
          moment.roots.size(),
          entries,
          (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException("backup to " + target + " failed", e);
    } finally {
      store.deregisterVersionUsage(moment.pin);
    }
  }

  private static Path ownerOnly(Path path, String permissions) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(
          path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
    }
    return path;
  }

  private static long copyMap(
      MVMap<Object, Object> source, RootReference<Object, Object> root, MVMap<Object, Object> to) {
    long n = 0;
    Cursor<Object, Object> cursor = source.cursor(root, null, null, false);
    while (cursor.hasNext()) {
      Object key = cursor.next();
      to.put(key, cursor.getValue());
      if (++n % COMMIT_EVERY == 0) {
        to.getStore().commit();
      }
    }
    return n;
  }

  /**
   * A map with the types the backend gives it: index maps compare their keys as values, documents
   * are BSON.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static MVMap<Object, Object> open(MVStore store, String name) {
    if (name.endsWith(KeyedH2Backend.MAP_SUFFIX)) {
      return (MVMap)
          store.openMap(
              name,
              new MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>()
                  .keyType(IndexKeyType.INSTANCE));
    }
    if (name.startsWith(KeyedH2Backend.DATA_PREFIX)) {
      return store.openMap(name, new MVMap.Builder<>().valueType(new DocumentType()));
    }
    return store.openMap(name);
  }

  /** Every map's root at one instant, and a hold on that version's pages in the file. */
  private record Moment(MVStore.TxCounter pin, Map<String, RootReference<Object, Object>> roots) {

    static Moment take(MVStore store) {
      MVStore.TxCounter pin = store.registerVersionUsage();
      Map<String, RootReference<Object, Object>> roots = new LinkedHashMap<>();
      for (String name : store.getMapNames()) {
        roots.put(name, open(store, name).flushAndGetRoot());
      }
      return new Moment(pin, roots);
    }
  }
}
