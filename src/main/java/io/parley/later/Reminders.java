package io.parley.later;

import io.parley.common.DomainException;
import io.parley.messaging.MessageService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reminders about a message: set for a time, fired once cluster-wide when it comes (the store marks
 * it fired in one step, so of several nodes that find it due only one fires it), listed until
 * dismissed.
 */
public final class Reminders {

  /** How many reminders one person may have waiting. */
  public static final int MAX_PENDING = 100;

  /** How far ahead a reminder may be set. */
  public static final Duration MAX_AHEAD = Duration.ofDays(366);

  /** How long a fired reminder stays listed if nobody dismisses it. */
  static final Duration KEEP_FIRED = Duration.ofDays(7);

  private final ReminderStore store;
  private final MessageService messages;
  private final Clock clock;
  private final Supplier<String> ids;
  private final List<Consumer<LaterNotice>> fired =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public Reminders(
      ReminderStore store, MessageService messages, Clock clock, Supplier<String> ids) {
    this.store = store;
    this.messages = messages;
    this.clock = clock;
    this.ids = ids;
  }

  /** Adds a listener told of every reminder this node fires (after it is marked fired). */
  public void onFired(Consumer<LaterNotice> listener) {
    fired.add(listener);
  }

  /** A reminder at {@code at} about a message the person may read. */
  public Reminder remind(String userId, String roomId, long seq, Instant at) {
    messages.message(userId, roomId, seq);
    Instant now = clock.instant();
    if (!at.isAfter(now)) {
      throw DomainException.invalid("a reminder must be in the future");
    }
    if (at.isAfter(now.plus(MAX_AHEAD))) {
      throw DomainException.invalid("a reminder can be at most a year ahead");
    }
    long pending = store.of(userId).stream().filter(r -> !r.fired()).count();
    if (pending >= MAX_PENDING) {
      throw DomainException.conflict(
          "you have " + MAX_PENDING + " reminders waiting; cancel some to set more");
    }
    Reminder r = new Reminder(ids.get(), userId, roomId, seq, at, now, null);
    store.save(r);
    return r;
  }

  /** The person's reminders, waiting and fired, soonest first. */
  public List<Reminder> list(String userId) {
    return store.of(userId);
  }

  /** Cancels a waiting reminder or dismisses a fired one. */
  public void cancel(String userId, String id) {
    if (!store.delete(userId, id)) {
      throw DomainException.notFound("no such reminder");
    }
  }

  /** Fires what is due; returns how many this call fired. */
  public int fireDue() {
    Instant now = clock.instant();
    int count = 0;
    for (Reminder r : store.due(now, 200)) {
      if (store.markFired(r.id(), now)) {
        count++;
        LaterNotice notice =
            new LaterNotice(LaterNotice.Kind.REMINDER, r.userId(), r.roomId(), r.seq(), r.id());
        fired.forEach(listener -> listener.accept(notice));
      }
    }
    store.deleteFiredBefore(now.minus(KEEP_FIRED));
    return count;
  }
}
