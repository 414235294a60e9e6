package io.parley.messaging;

import java.util.Collection;
import java.util.List;

/** Removing messages for good, as retention does. */
@FunctionalInterface
public interface MessagePurge {

  /**
   * Removes these messages for good, with their earlier versions. The room's highest seq is never
   * removed but left as a tombstone, so its numbering goes on. Returns the messages as they were,
   * for their files. Readers are told separately ({@link MessageHistory#purged}).
   */
  List<Message> purge(String roomId, Collection<Long> seqs);
}
