package io.parley.later;

import io.parley.common.DomainException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved messages: a private list per person. Saving needs read access to the message; the list
 * shows only what the person may still read (a room they left drops out, and comes back if they
 * return), so a saved entry never leaks a message.
 */
public final class SavedMessages {

  /** How many messages one person may keep saved. */
  public static final int MAX_SAVED = 1000;

  /** A saved message as the list shows it. */
  public record Saved(SavedMessage entry, Message message) {}

  private final SavedStore store;
  private final MessageService messages;
  private final Clock clock;

  public SavedMessages(SavedStore store, MessageService messages, Clock clock) {
    this.store = store;
    this.messages = messages;
    this.clock = clock;
  }

  public void save(String userId, String roomId, long seq) {
    Message m = messages.message(userId, roomId, seq);
    if (m.deleted()) {
      throw DomainException.conflict("that message was deleted");
    }
    if (store.count(userId) >= MAX_SAVED) {
      throw DomainException.conflict(
          "you have " + MAX_SAVED + " saved messages; remove some to save more");
    }
    store.save(new SavedMessage(userId, roomId, seq, clock.instant()));
  }

  /** Removes it from the list; removing one that is not there is not an error. */
  public void remove(String userId, String roomId, long seq) {
    store.remove(userId, roomId, seq);
  }

  /** The person's saved messages they may still read, newest saved first. */
  public List<Saved> list(String userId) {
    List<Saved> found = new ArrayList<>();
    for (SavedMessage entry : store.of(userId, MAX_SAVED)) {
      try {
        Message m = messages.message(userId, entry.roomId(), entry.seq());
        if (!m.deleted()) {
          found.add(new Saved(entry, m));
        }
      } catch (DomainException e) {
        // a room the person may no longer read, or a message purged by retention: not shown
      }
    }
    return found;
  }

  public boolean isSaved(String userId, String roomId, long seq) {
    return store.has(userId, roomId, seq);
  }
}
