package io.parley.retention;

import java.io.Serializable;
import java.util.List;

/** Messages of a room removed by retention, told to every node (their indexes and caches). */
public record Purge(String roomId, List<Long> seqs) implements Serializable {

  public Purge {
    seqs = List.copyOf(seqs);
  }
}
