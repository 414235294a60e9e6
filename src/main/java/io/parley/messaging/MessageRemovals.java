package io.parley.messaging;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Text;
import io.parley.rooms.Room;
import io.parley.rooms.RoomModeration;
import io.parley.rooms.RoomService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Deleting one's own message and a moderator's removal: what the act records (the audit entry,
 * written before the act), keeps (a copy under a legal hold) and lets go (the files).
 */
final class MessageRemovals {

  /** What a removal touches besides the message. */
  record Effects(
      AuditLog audit,
      Clock clock,
      Holds holds,
      HeldMessages held,
      BiPredicate<String, Long> reported,
      Consumer<List<Attachment>> discardFiles) {}

  private final RoomService rooms;
  private final MessageSequencer sequencer;
  private final MessageHistory history;
  private final ChangeLog changes;
  private final EditHistory edits;
  private final Effects effects;

  MessageRemovals(
      RoomService rooms, MessageSequencer sequencer, MessageStores store, Effects effects) {
    this.rooms = rooms;
    this.sequencer = sequencer;
    this.history = store.history();
    this.changes = store.changes();
    this.edits = store.edits();
    this.effects = effects;
  }

  ChangeResult delete(String userId, String roomId, long seq, String clientChangeId) {
    rooms.access().requireMember(userId, roomId);
    rooms.access().refuseIfArchived(roomId);
    Message current = current(roomId, seq);
    boolean retry = changes.changeExists(roomId, userId, clientChangeId);
    boolean kept = !retry && !current.deleted() && keepIfHeld(current, userId);
    ChangeResult result =
        sequencer.change(ChangeRequest.deletion(roomId, seq, userId, clientChangeId));
    if (!result.duplicate() && !kept && !current.files().isEmpty()) {
      effects.discardFiles().accept(current.files()); // after the tombstone: no page links them
    }
    return result;
  }

  ChangeResult remove(
      String moderatorId, String roomId, long seq, String reason, String clientChangeId) {
    String why = Text.optional(reason, "reason", RoomModeration.MAX_REASON);
    Room room = rooms.access().requireRemover(moderatorId, roomId);
    rooms.access().refuseIfArchived(roomId);
    Message current = current(roomId, seq);
    if (current.senderId().equals(moderatorId)) {
      return delete(moderatorId, roomId, seq, clientChangeId);
    }
    if (room.type().isDirect() && !effects.reported().test(roomId, seq)) {
      throw DomainException.forbidden(
          "in a direct conversation only reported messages are removed by moderators");
    }
    if (current.deleted() || changes.changeExists(roomId, moderatorId, clientChangeId)) {
      return sequencer.change(ChangeRequest.removal(roomId, seq, moderatorId, clientChangeId));
    }
    effects
        .audit()
        .record(
            new AuditEntry(
                effects.clock().instant(),
                "message.removed",
                moderatorId,
                current.senderId(),
                roomId,
                why,
                removed(current)));
    boolean kept = keepIfHeld(current, moderatorId);
    ChangeResult result =
        sequencer.change(ChangeRequest.removal(roomId, seq, moderatorId, clientChangeId));
    if (!result.duplicate() && !kept) {
      effects.discardFiles().accept(current.files());
    }
    return result;
  }

  private Message current(String roomId, long seq) {
    return history.find(roomId, seq).orElseThrow(() -> DomainException.notFound("no such message"));
  }

  /** What the audit entry keeps of a removed message: its text, earlier versions and files. */
  private Map<String, String> removed(Message current) {
    List<MessageEdit> versions = edits.edits(current.roomId(), current.seq());
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("seq", Long.toString(current.seq()));
    detail.put("text", current.body());
    for (int i = 0; i < versions.size(); i++) {
      detail.put("earlier" + (i + 1), versions.get(i).previousBody());
    }
    if (!current.files().isEmpty()) {
      detail.put(
          "files", String.join(", ", current.files().stream().map(Attachment::name).toList()));
    }
    return detail;
  }

  /** Keeps a copy of the message before it goes, if a hold covers it; whether it did. */
  private boolean keepIfHeld(Message current, String actorId) {
    if (!effects.holds().covers(current.roomId(), current.senderId())) {
      return false;
    }
    effects
        .held()
        .keep(
            new HeldCopy(
                current,
                edits.edits(current.roomId(), current.seq()),
                actorId,
                effects.clock().instant()));
    effects
        .audit()
        .record(
            new AuditEntry(
                effects.clock().instant(),
                "message.kept.under.hold",
                actorId,
                current.senderId(),
                current.roomId(),
                null,
                Map.of("seq", Long.toString(current.seq()))));
    return true;
  }
}
