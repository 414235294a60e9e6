package io.parley.messaging;

import java.util.List;

/**
 * The changes made to a room's messages (edits, reactions, pins, deletions), numbered gap-free by
 * rev per room: pages that were open catch up by reading the changes after the rev they show.
 */
public interface ChangeLog {

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

  /** Told of a change made anywhere (every node): a hint that spares looking for the room's end. */
  default void seen(MessageChange change) {}
}
