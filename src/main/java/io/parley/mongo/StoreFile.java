package io.parley.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/** Opens the embedded store's H2 file, or says plainly why it cannot and what to do. */
final class StoreFile {

  /** Page cache for the store file (H2's default is 16 MB). */
  static final int CACHE_MB = 64;

  /**
   * Chunks are rewritten only when, on average, less than this share of them is live data. H2's
   * default, 90 %, kept rewriting a 4 GB store (a million messages) for a third of the server's CPU
   * while people only read; at 50 % the file may hold up to as much dead space as data.
   */
  static final int COMPACT_BELOW_PERCENT = 50;

  private StoreFile() {}

  /**
   * Opens the file with H2's own committing off: it is committed only at the store's checkpoints,
   * between whole writes ({@link DurableH2Backend#checkpoint}). Throws {@link StoreWillNotOpen}
   * when the file does not open.
   */
  static MVStore open(Path file) {
    try {
      return new MVStore.Builder()
          .fileName(file.toString())
          .cacheSize(CACHE_MB)
          .autoCompactFillRate(COMPACT_BELOW_PERCENT)
          .autoCommitDisabled()
          // No commit from inside a write when unsaved pages pile up: the writes commit themselves.
          .autoCommitBufferSize(0)
          .open();
    } catch (RuntimeException e) {
      throw new StoreWillNotOpen(file, e);
    }
  }

  /**
   * The store file exists but does not open. Carries what to do in its message and no stack trace:
   * the cause is H2's message, which is all an operator can act on.
   */
  static final class StoreWillNotOpen extends IllegalStateException {

    StoreWillNotOpen(Path file, RuntimeException cause) {
      super(explain(file, cause));
    }

    private static String explain(Path file, RuntimeException cause) {
      String reason = String.valueOf(cause.getMessage());
      if (reason.contains("locked")) {
        return "The embedded store "
            + file
            + " is in use by another process (another Parley on the same data directory?)."
            + " Stop it, or give this one its own PARLEY_DATA_DIR. H2 said: "
            + reason;
      }
      return "The embedded store "
          + file
          + (Files.exists(file) ? " (" + size(file) + " bytes)" : "")
          + " could not be opened; Parley will not start on a damaged history. H2 said: "
          + reason
          + "\nTo restore the last backup:"
          + "\n  1. keep the damaged file for later: mv "
          + file
          + " "
          + file
          + ".damaged"
          + "\n  2. ops/restore.sh <backup file> "
          + file.getParent()
          + "   (backups are made with ops/backup.sh, see docs/ops/backup-restore.md)"
          + "\n  3. start Parley again; messages sent after the backup are gone, and pages that"
          + " were open are told to reload.";
    }

    private static long size(Path file) {
      try {
        return Files.size(file);
      } catch (java.io.IOException e) {
        return -1;
      }
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // the message says everything; a trace of the opening code helps nobody
    }
  }
}
