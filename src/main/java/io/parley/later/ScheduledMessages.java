package io.parley.later;

import io.parley.common.DomainException;
import io.parley.messaging.MessageService;
import io.parley.messaging.NewMessage;
import io.parley.messaging.SendResult;
import io.parley.rooms.RoomService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Send later: a message is kept until its time, then posted as its author through the normal send
 * path (sequenced, stored before anything else happens, delivered, and with the author's rights as
 * they are then: someone removed from the room meanwhile sends nothing). Sends are idempotent (the
 * client message id is the entry's), so a node that dies between the send and the clean-up cannot
 * make a second copy when another node sends it again.
 */
public final class ScheduledMessages {

  public static final int MAX_PENDING = 100;

  /** What became of a scheduled message when its time came. */
  public record Outcome(ScheduledMessage message, SendResult sent, String failure) {}

  private final ScheduledStore store;
  private final MessageService messages;
  private final RoomService rooms;
  private final Clock clock;
  private final Supplier<String> ids;
  private volatile Consumer<Outcome> done = o -> {};

  public ScheduledMessages(
      ScheduledStore store,
      MessageService messages,
      RoomService rooms,
      Clock clock,
      Supplier<String> ids) {
    this.store = store;
    this.messages = messages;
    this.rooms = rooms;
    this.clock = clock;
    this.ids = ids;
  }

  /** Told of each scheduled message this node sent or could not send. */
  public void onDone(Consumer<Outcome> listener) {
    this.done = listener;
  }

  public ScheduledMessage schedule(
      String userId, String roomId, long threadOf, String body, Instant sendAt) {
    rooms.access().requirePosting(userId, roomId);
    if (threadOf > 0) {
      messages.message(userId, roomId, threadOf);
    }
    Instant now = clock.instant();
    requireTime(sendAt, now);
    if (store.of(userId).stream().filter(m -> m.failure() == null).count() >= MAX_PENDING) {
      throw DomainException.conflict(
          "you have " + MAX_PENDING + " messages waiting to send; cancel some to schedule more");
    }
    ScheduledMessage m =
        new ScheduledMessage(
            ids.get(),
            userId,
            roomId,
            Math.max(0, threadOf),
            NewMessage.requireBody(body),
            sendAt,
            now,
            null);
    store.save(m);
    return m;
  }

  /** A new text or time for one still waiting. */
  public ScheduledMessage edit(String userId, String id, String body, Instant sendAt) {
    ScheduledMessage m = own(userId, id);
    requireTime(sendAt, clock.instant());
    ScheduledMessage changed =
        new ScheduledMessage(
            m.id(),
            userId,
            m.roomId(),
            m.threadOf(),
            NewMessage.requireBody(body),
            sendAt,
            m.createdAt(),
            null);
    store.save(changed);
    return changed;
  }

  public void cancel(String userId, String id) {
    own(userId, id);
    store.delete(id);
  }

  public List<ScheduledMessage> list(String userId) {
    return store.of(userId);
  }

  public ScheduledMessage get(String userId, String id) {
    return own(userId, id);
  }

  /** Sends what is due; returns how many were sent. */
  public int sendDue() {
    int sent = 0;
    for (ScheduledMessage m : store.due(clock.instant(), 200)) {
      try {
        NewMessage draft =
            new NewMessage(
                    m.roomId(),
                    m.userId(),
                    m.body(),
                    NewMessage.PLAIN_TEXT,
                    m.clientMsgId(),
                    Map.of("scheduled", "true"))
                .replyingTo(m.threadOf(), false);
        SendResult result = messages.post(m.userId(), draft);
        store.delete(m.id());
        sent++;
        done.accept(new Outcome(m, result, null));
      } catch (DomainException e) {
        if (e.kind() == DomainException.Kind.RATE_LIMITED) {
          continue; // the next pass tries again
        }
        store.save(m.failed(e.getMessage()));
        done.accept(new Outcome(m, null, e.getMessage()));
      }
    }
    return sent;
  }

  private ScheduledMessage own(String userId, String id) {
    return store
        .find(id == null ? "" : id)
        .filter(m -> m.userId().equals(userId))
        .orElseThrow(() -> DomainException.notFound("no such scheduled message"));
  }

  private static void requireTime(Instant sendAt, Instant now) {
    if (sendAt == null || !sendAt.isAfter(now)) {
      throw DomainException.invalid("choose a time in the future");
    }
    if (sendAt.isAfter(now.plus(Duration.ofDays(366)))) {
      throw DomainException.invalid("a message can be scheduled at most a year ahead");
    }
  }
}
