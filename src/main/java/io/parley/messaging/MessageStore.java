package io.parley.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Durable storage of messages and of the changes made to them. */
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

  /** The room's messages with these seqs (those that exist), in seq order. */
  List<Message> bySeqs(String roomId, Collection<Long> seqs);

  default Optional<Message> find(String roomId, long seq) {
    return bySeqs(roomId, List.of(seq)).stream().findFirst();
  }

  /**
   * Records a change in the room's change order, then stores the message as it left it. Throws
   * {@link DuplicateMessageException} if the rev or the actor's clientChangeId is taken (nothing is
   * written then).
   */
  void change(MessageChange change, String clientChangeId);

  /** Whether the actor already made the change with this clientChangeId in the room. */
  boolean changeExists(String roomId, String actorId, String clientChangeId);

  /** The highest change rev of the room, 0 when nothing was ever changed. */
  long lastRev(String roomId);

  /**
   * Up to {@code limit} changes with rev above {@code afterRev}, in rev order, without the message
   * state ({@code after} is null: the caller reads the current one).
   */
  List<MessageChange> changesAfter(String roomId, long afterRev, int limit);

  /** Keeps the text a message had before an edit (its edit history, for moderators). */
  void keepEdit(String roomId, long seq, MessageEdit edit);

  /** The message's earlier versions, oldest first. */
  List<MessageEdit> edits(String roomId, long seq);

  /** Forgets a deleted message's earlier versions: its text is gone from the store. */
  void forgetEdits(String roomId, long seq);

  /** The seqs of the room's pinned messages, the most recently pinned first. */
  List<Long> pinned(String roomId);

  /**
   * Told of a stored message or change (every node sees every one): a hint that lets later reads
   * skip looking for the room's end, and the newest messages to keep at hand.
   */
  default void seen(RoomEvent event) {}

  /**
   * Removes these messages for good (retention), with their earlier versions. The room's highest
   * seq is never removed but left as a tombstone, so its numbering goes on. Returns the messages as
   * they were, for their files.
   */
  List<Message> purge(String roomId, Collection<Long> seqs);

  /** Told that messages of the room were purged (every node): copies kept in memory go. */
  default void purged(String roomId) {}

  /** How many messages above {@code afterSeq} mention the user. */
  long countMentions(String roomId, String userId, long afterSeq);
}
