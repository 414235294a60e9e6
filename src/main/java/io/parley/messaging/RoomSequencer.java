package io.parley.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sequencer of the rooms this process owns. Within one process, a lock per room makes
 * allocation and storage one step. Across processes, the unique index on {roomId, seq} is the
 * safety net: if another owner wrote the seq first (ownership just moved), the counter is reloaded
 * from the store and the write retried, so no number is skipped or used twice.
 */
public class RoomSequencer implements MessageSequencer {

  private static final int MAX_ATTEMPTS = 10;

  private final MessageStore store;
  private final Consumer<Message> announce;
  private final Clock clock;
  private final Supplier<String> ids;
  private final ConcurrentMap<String, RoomCounter> counters = new ConcurrentHashMap<>();

  public RoomSequencer(
      MessageStore store, Consumer<Message> announce, Clock clock, Supplier<String> ids) {
    this.store = store;
    this.announce = announce;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public SendResult append(NewMessage draft) {
    RoomCounter counter = counters.computeIfAbsent(draft.roomId(), RoomCounter::new);
    synchronized (counter) {
      // No read before the insert: a retry is told apart by the unique index on its clientMsgId.
      for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        if (counter.last < 0) {
          counter.last = store.lastSeq(draft.roomId());
        }
        // MongoDB keeps milliseconds; truncating here makes the ack equal the stored message.
        Message message =
            draft.place(
                ids.get(), counter.last + 1, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
          store.insert(message);
        } catch (DuplicateMessageException e) {
          Optional<SendResult> original = original(draft);
          if (original.isPresent()) {
            return announced(original.get());
          }
          counter.last = -1; // another writer took this seq: reload and try the next one
          continue;
        }
        counter.last = message.seq();
        announce.accept(message);
        return new SendResult(message, false);
      }
      throw new IllegalStateException("could not place a message in room " + draft.roomId());
    }
  }

  private SendResult announced(SendResult result) {
    announce.accept(result.message());
    return result;
  }

  /** Drops the cached counter so the next send reloads it (the room's ownership moved). */
  public void forget(String roomId) {
    counters.remove(roomId);
  }

  private Optional<SendResult> original(NewMessage draft) {
    return store
        .findByClientMsgId(draft.roomId(), draft.senderId(), draft.clientMsgId())
        .map(m -> new SendResult(m, true));
  }

  private static final class RoomCounter {
    private long last = -1;

    RoomCounter(String roomId) {}
  }
}
