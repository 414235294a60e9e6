package io.parley.testing;

import io.parley.messaging.ChangeLog;
import io.parley.messaging.EditHistory;
import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import io.parley.messaging.MessageEdit;
import io.parley.messaging.MessageHistory;
import io.parley.messaging.MessagePurge;
import io.parley.messaging.MessageStores;
import io.parley.messaging.PinnedMessages;
import io.parley.messaging.RoomEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A store's parts as one object, so a test of the store reads like a sequence of its calls. */
public final class WholeMessageStore
    implements MessageHistory, ChangeLog, EditHistory, PinnedMessages, MessagePurge {

  private final MessageStores parts;

  private WholeMessageStore(MessageStores parts) {
    this.parts = parts;
  }

  public static WholeMessageStore of(MessageStores parts) {
    return new WholeMessageStore(parts);
  }

  public MessageStores parts() {
    return parts;
  }

  @Override
  public void insert(Message message) {
    parts.history().insert(message);
  }

  @Override
  public Optional<Message> findByClientMsgId(String roomId, String senderId, String clientMsgId) {
    return parts.history().findByClientMsgId(roomId, senderId, clientMsgId);
  }

  @Override
  public long lastSeq(String roomId) {
    return parts.history().lastSeq(roomId);
  }

  @Override
  public List<Message> before(String roomId, long beforeSeq, int limit) {
    return parts.history().before(roomId, beforeSeq, limit);
  }

  @Override
  public List<Message> after(String roomId, long afterSeq, int limit) {
    return parts.history().after(roomId, afterSeq, limit);
  }

  @Override
  public List<Message> bySeqs(String roomId, Collection<Long> seqs) {
    return parts.history().bySeqs(roomId, seqs);
  }

  @Override
  public long countMentions(String roomId, String userId, long afterSeq) {
    return parts.history().countMentions(roomId, userId, afterSeq);
  }

  @Override
  public void seen(RoomEvent event) {
    parts.history().seen(event);
    if (event instanceof MessageChange change) {
      parts.changes().seen(change);
    }
  }

  @Override
  public void seen(MessageChange change) {
    seen((RoomEvent) change);
  }

  @Override
  public void purged(String roomId) {
    parts.history().purged(roomId);
  }

  @Override
  public void change(MessageChange change, String clientChangeId) {
    parts.changes().change(change, clientChangeId);
  }

  @Override
  public boolean changeExists(String roomId, String actorId, String clientChangeId) {
    return parts.changes().changeExists(roomId, actorId, clientChangeId);
  }

  @Override
  public long lastRev(String roomId) {
    return parts.changes().lastRev(roomId);
  }

  @Override
  public List<MessageChange> changesAfter(String roomId, long afterRev, int limit) {
    return parts.changes().changesAfter(roomId, afterRev, limit);
  }

  @Override
  public void keepEdit(String roomId, long seq, MessageEdit edit) {
    parts.edits().keepEdit(roomId, seq, edit);
  }

  @Override
  public List<MessageEdit> edits(String roomId, long seq) {
    return parts.edits().edits(roomId, seq);
  }

  @Override
  public void forgetEdits(String roomId, long seq) {
    parts.edits().forgetEdits(roomId, seq);
  }

  @Override
  public List<Long> pinned(String roomId) {
    return parts.pins().pinned(roomId);
  }

  @Override
  public List<Message> purge(String roomId, Collection<Long> seqs) {
    return parts.purge().purge(roomId, seqs);
  }
}
