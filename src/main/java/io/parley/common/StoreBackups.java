package io.parley.common;

import java.util.Optional;

/**
 * Online backups of the store this node runs on, where the store can take them itself (the embedded
 * one); a real MongoDB is backed up with its own tools.
 */
public interface StoreBackups {

  /** What a backup wrote: the file, its size, how many entries it holds and how long it took. */
  record Backup(String file, long bytes, long entries, long millis) {}

  /** Takes a consistent copy now; empty when this store is backed up with its own tools. */
  Optional<Backup> take();
}
