package io.parley.search;

import io.parley.messaging.Message;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A node's own full-text index of messages (the engine behind it is replaceable). Writes become
 * searchable after {@link #refresh()} and durable, together with the room marks, after {@link
 * #commit()}. Permissions are not in the index: every query names the rooms it may look in.
 */
public interface MessageIndex extends AutoCloseable {

  /** Adds the message, or replaces what the index had for it (its seq in its room). */
  void put(Message message);

  /** Forgets these messages of the room (deleted, or past retention). */
  void remove(String roomId, Collection<Long> seqs);

  /** How far the index has followed the room ({@link IndexMark#NONE} for a room it never saw). */
  IndexMark mark(String roomId);

  void mark(String roomId, IndexMark mark);

  /** The marks of every room the index has followed. */
  Map<String, IndexMark> marks();

  /** Makes what was put and removed visible to searches. */
  void refresh();

  /** Makes what was put and removed, and the marks, survive a restart. */
  void commit();

  /** Empties the index and its marks (for a rebuild). */
  void clear();

  IndexedPage search(IndexQuery query);

  /**
   * Up to {@code limit} messages the person wrote, oldest first, after {@code after} (null: from
   * the first), for exports.
   */
  List<MessageRef> bySender(String senderId, MessageRef after, int limit);

  /** How many messages the index holds. */
  long size();

  @Override
  void close();
}
