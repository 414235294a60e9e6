package io.parley.messaging;

import io.parley.common.DomainException;
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

  private final MessageHistory history;
  private final ChangeLog changes;
  private final EditHistory edits;
  private final Consumer<RoomEvent> announce;
  private final Clock clock;
  private final Supplier<String> ids;
  private final ConcurrentMap<String, RoomCounter> counters = new ConcurrentHashMap<>();

  public RoomSequencer(
      MessageStores store, Consumer<RoomEvent> announce, Clock clock, Supplier<String> ids) {
    this.history = store.history();
    this.changes = store.changes();
    this.edits = store.edits();
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
          counter.last = history.lastSeq(draft.roomId());
        }
        Message parent = draft.threadOf() > 0 ? threadParent(draft) : null;
        // MongoDB keeps milliseconds; truncating here makes the ack equal the stored message.
        Message message = draft.place(ids.get(), counter.last + 1, now());
        try {
          history.insert(message);
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
        if (parent != null) {
          // The parent's summary changes in the room's change order, like an edit would.
          record(
              counter,
              parent.withThread(parent.thread().with(parent, message)),
              MessageChange.Kind.REPLIED,
              message.senderId(),
              "reply-" + message.id());
        }
        return new SendResult(message, false);
      }
      throw new IllegalStateException("could not place a message in room " + draft.roomId());
    }
  }

  @Override
  public ChangeResult change(ChangeRequest request) {
    RoomCounter counter = counters.computeIfAbsent(request.roomId(), RoomCounter::new);
    synchronized (counter) {
      Message current =
          history
              .find(request.roomId(), request.seq())
              .orElseThrow(() -> DomainException.notFound("no such message"));
      request.authorise(current);
      if (changes.changeExists(request.roomId(), request.actorId(), request.clientChangeId())) {
        return new ChangeResult(current, null); // a retry: made already
      }
      Message after = request.apply(current, now());
      if (after.equals(current)) {
        return new ChangeResult(current, null); // nothing to change (pinning a pinned one)
      }
      MessageChange change =
          record(counter, after, request.kind(), request.actorId(), request.clientChangeId());
      if (change == null) {
        return new ChangeResult(current, null);
      }
      if (change.kind() == MessageChange.Kind.EDITED) {
        edits.keepEdit(
            current.roomId(),
            current.seq(),
            new MessageEdit(change.actorId(), change.at(), current.body()));
      } else if (change.kind() == MessageChange.Kind.DELETED) {
        edits.forgetEdits(current.roomId(), current.seq());
      }
      return new ChangeResult(after, change);
    }
  }

  /**
   * Gives the change the room's next rev, stores it with the message's new state and announces it;
   * null when a concurrent retry recorded it first. Called under the room's lock.
   */
  private MessageChange record(
      RoomCounter counter,
      Message after,
      MessageChange.Kind kind,
      String actorId,
      String clientChangeId) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (counter.lastRev < 0) {
        counter.lastRev = changes.lastRev(after.roomId());
      }
      MessageChange change =
          new MessageChange(
              after.roomId(), counter.lastRev + 1, after.seq(), kind, actorId, now(), after);
      try {
        changes.change(change, clientChangeId);
        history.seen(change); // this node's copies show it before the cluster's event comes
      } catch (DuplicateMessageException e) {
        if (changes.changeExists(after.roomId(), actorId, clientChangeId)) {
          return null;
        }
        counter.lastRev = -1; // another writer took this rev: reload and try the next one
        continue;
      }
      counter.lastRev = change.rev();
      announce.accept(change);
      return change;
    }
    throw new IllegalStateException("could not record a change in room " + after.roomId());
  }

  /** The message a reply answers: it must exist, still be there, and not be a reply itself. */
  private Message threadParent(NewMessage draft) {
    Message parent =
        history
            .find(draft.roomId(), draft.threadOf())
            .orElseThrow(() -> DomainException.notFound("no such message to reply to"));
    if (parent.deleted()) {
      throw DomainException.conflict("that message was deleted");
    }
    if (parent.isReply()) {
      throw DomainException.invalid("reply to the thread's first message");
    }
    return parent;
  }

  private java.time.Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
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
    return history
        .findByClientMsgId(draft.roomId(), draft.senderId(), draft.clientMsgId())
        .map(m -> new SendResult(m, true));
  }

  private static final class RoomCounter {
    private long last = -1;
    private long lastRev = -1;

    RoomCounter(String roomId) {}
  }
}
