package io.parley.later;

import io.parley.common.DomainException;
import io.parley.messaging.NewMessage;
import io.parley.rooms.RoomService;
import java.time.Clock;

/**
 * What a person typed and did not send yet, kept on the server per room and thread, so it is there
 * again on any device. Saving empty text deletes it; the page deletes it when it sends.
 */
public final class Drafts {

  private final DraftStore store;
  private final RoomService rooms;
  private final Clock clock;

  public Drafts(DraftStore store, RoomService rooms, Clock clock) {
    this.store = store;
    this.rooms = rooms;
    this.clock = clock;
  }

  public void save(String userId, String roomId, long threadOf, String text) {
    rooms.access().requireMember(userId, roomId);
    if (threadOf < 0) {
      throw DomainException.invalid("threadOf must be a message's seq");
    }
    if (text == null || text.isBlank()) {
      store.delete(userId, roomId, threadOf);
      return;
    }
    if (text.length() > NewMessage.MAX_BODY) {
      throw DomainException.invalid("a draft is at most " + NewMessage.MAX_BODY + " characters");
    }
    store.save(userId, roomId, threadOf, text, clock.instant());
  }

  /** The person's draft there, or empty text. */
  public String of(String userId, String roomId, long threadOf) {
    return store.find(userId, roomId, threadOf).orElse("");
  }
}
