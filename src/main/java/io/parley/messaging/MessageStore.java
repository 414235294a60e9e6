package io.parley.messaging;

import java.util.List;
import java.util.Optional;

/** Durable storage of messages. */
public interface MessageStore {

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

  /**
   * Told of a stored message (every node sees every posted one): a hint that lets later reads skip
   * looking for the room's end, and the newest messages to keep at hand.
   */
  default void seen(Message message) {}

  /** How many messages above {@code afterSeq} mention the user. */
  long countMentions(String roomId, String userId, long afterSeq);
}
