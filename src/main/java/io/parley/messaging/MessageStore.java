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
   * Told that the room has a message with this seq (every node sees every posted message): a hint
   * that lets later reads skip looking for the room's end.
   */
  default void seen(String roomId, long seq) {}

  /** How many messages above {@code afterSeq} mention the user. */
  long countMentions(String roomId, String userId, long afterSeq);
}
