package io.parley.messaging;

import java.util.List;

/** Each room's pinned messages (kept by the change log as pins, unpins and deletions happen). */
@FunctionalInterface
public interface PinnedMessages {

  /** The seqs of the room's pinned messages, the most recently pinned first. */
  List<Long> pinned(String roomId);
}
