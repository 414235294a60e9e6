package io.parley.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The messages of each room in seq order: stored once, read by seq, as pages or one by one. */
public interface MessageHistory {

  /**
   * Stores the message durably; throws {@link DuplicateMessageException} if its seq or clientMsgId
   * is taken.
   */
  void insert(Message message);

  Optional<Message> findByClientMsgId(String roomId, String senderId, String clientMsgId);

  /** The highest seq stored in the room, 0 when it is empty. */
  long lastSeq(String roomId);

  /**
   * Up to {@code limit} messages with seq below {@code beforeSeq}, the newest ones, in seq order.
   */
  List<Message> before(String roomId, long beforeSeq, int limit);

  /**
   * Up to {@code limit} messages with seq above {@code afterSeq}, the oldest ones, in seq order.
   */
  List<Message> after(String roomId, long afterSeq, int limit);

  /** The room's messages with these seqs (those that exist), in seq order. */
  List<Message> bySeqs(String roomId, Collection<Long> seqs);

  default Optional<Message> find(String roomId, long seq) {
    return bySeqs(roomId, List.of(seq)).stream().findFirst();
  }

  /** How many messages above {@code afterSeq} mention the user. */
  long countMentions(String roomId, String userId, long afterSeq);

  /**
   * Told of a stored message or change (every node sees every one): a hint that lets later reads
   * skip looking for the room's end, and the newest messages to keep at hand.
   */
  default void seen(RoomEvent event) {}

  /** Told that messages of the room were purged (every node): copies kept in memory go. */
  default void purged(String roomId) {}
}
