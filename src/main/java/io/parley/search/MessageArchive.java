package io.parley.search;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.messaging.ArchiveSink;
import io.parley.messaging.HeldCopy;
import io.parley.messaging.HeldMessages;
import io.parley.messaging.Message;
import io.parley.messaging.MessageHistory;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Exports, streamed a page at a time (never a whole room or person in memory): a room's history in
 * seq order, or everything a person wrote, oldest first, found through the search index (the store
 * has no index by author) and read back from the store. Deleted messages are left out, except those
 * a legal hold keeps (with their earlier versions, marked deleted). Every export is in the audit
 * log.
 */
public final class MessageArchive {

  static final int PAGE = 500;

  private final MessageHistory store;
  private final MessageIndex index;
  private final Predicate<String> isAdmin;
  private final AuditLog audit;
  private final Clock clock;
  private HeldMessages held = HeldMessages.NONE;

  public MessageArchive(
      MessageHistory store,
      MessageIndex index,
      Predicate<String> isAdmin,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.index = index;
    this.isAdmin = isAdmin;
    this.audit = audit;
    this.clock = clock;
  }

  /** Deleted messages a legal hold keeps: exported with what people see, marked as such. */
  public MessageArchive withHeld(HeldMessages copies) {
    this.held = copies;
    return this;
  }

  /** Hands every message of the room to {@code out}, in order; administrators only. */
  public long room(String actorId, String roomId, String format, ArchiveSink out) {
    requireAdmin(actorId);
    long last = store.lastSeq(roomId);
    long count = 0;
    Map<Long, HeldCopy> kept = new HashMap<>();
    held.inRoom(roomId).forEach(c -> kept.put(c.original().seq(), c));
    for (long from = 0; from < last; from += PAGE) {
      for (Message m : store.after(roomId, from, (int) Math.min(PAGE, last - from))) {
        if (!m.deleted()) {
          out.write(m);
          count++;
        } else if (kept.containsKey(m.seq())) {
          out.write(kept.get(m.seq()));
          count++;
        }
      }
    }
    record("export.room", actorId, null, roomId, format, count);
    return count;
  }

  /**
   * Hands every message the person wrote to {@code out}, oldest first: their own, or anyone's for
   * an administrator.
   */
  public long person(String actorId, String userId, String format, ArchiveSink out) {
    if (!actorId.equals(userId)) {
      requireAdmin(actorId);
    }
    long count = 0;
    MessageRef after = null;
    while (true) {
      List<MessageRef> refs = index.bySender(userId, after, PAGE);
      if (refs.isEmpty()) {
        break;
      }
      ReadBack read = ReadBack.of(store, refs, MessageRef::roomId, MessageRef::seq);
      for (MessageRef r : refs) {
        Message m = read.live(r.roomId(), r.seq());
        if (m != null && m.senderId().equals(userId)) {
          out.write(m);
          count++;
        }
      }
      after = refs.get(refs.size() - 1);
    }
    if (!actorId.equals(userId)) {
      // What a hold kept of theirs after it was deleted: for administrators only, at the end.
      for (HeldCopy c : held.bySender(userId)) {
        out.write(c);
        count++;
      }
    }
    record("export.person", actorId, userId, null, format, count);
    return count;
  }

  private void requireAdmin(String actorId) {
    if (!isAdmin.test(actorId)) {
      throw DomainException.forbidden(
          "only administrators export rooms and other people's messages");
    }
  }

  private void record(
      String action, String actorId, String targetId, String roomId, String format, long count) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            action,
            actorId,
            targetId,
            roomId,
            null,
            Map.of("format", format, "messages", String.valueOf(count))));
  }
}
