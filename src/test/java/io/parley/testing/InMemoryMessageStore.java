package io.parley.testing;

import io.parley.messaging.ChangeLog;
import io.parley.messaging.DuplicateMessageException;
import io.parley.messaging.EditHistory;
import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import io.parley.messaging.MessageEdit;
import io.parley.messaging.MessageHistory;
import io.parley.messaging.MessagePurge;
import io.parley.messaging.PinnedMessages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A message store in memory that enforces the same unique keys as the MongoDB indexes. */
public class InMemoryMessageStore
    implements MessageHistory, ChangeLog, EditHistory, PinnedMessages, MessagePurge {

  private final List<Message> messages = new CopyOnWriteArrayList<>();

  @Override
  public synchronized void insert(Message m) {
    boolean clash =
        messages.stream()
            .anyMatch(
                o ->
                    o.roomId().equals(m.roomId())
                        && (o.seq() == m.seq()
                            || (o.senderId().equals(m.senderId())
                                && o.clientMsgId().equals(m.clientMsgId()))));
    if (clash) {
      throw new DuplicateMessageException("duplicate key", null);
    }
    messages.add(m);
  }

  @Override
  public Optional<Message> findByClientMsgId(String roomId, String senderId, String clientMsgId) {
    return messages.stream()
        .filter(
            m ->
                m.roomId().equals(roomId)
                    && m.senderId().equals(senderId)
                    && m.clientMsgId().equals(clientMsgId))
        .findFirst();
  }

  @Override
  public long lastSeq(String roomId) {
    return messages.stream()
        .filter(m -> m.roomId().equals(roomId))
        .mapToLong(Message::seq)
        .max()
        .orElse(0);
  }

  @Override
  public List<Message> before(String roomId, long beforeSeq, int limit) {
    List<Message> page =
        new ArrayList<>(
            inRoom(roomId).stream()
                .filter(m -> m.seq() < beforeSeq)
                .sorted(Comparator.comparingLong(Message::seq).reversed())
                .limit(limit)
                .toList());
    page.sort(Comparator.comparingLong(Message::seq));
    return page;
  }

  @Override
  public List<Message> after(String roomId, long afterSeq, int limit) {
    return inRoom(roomId).stream()
        .filter(m -> m.seq() > afterSeq)
        .sorted(Comparator.comparingLong(Message::seq))
        .limit(limit)
        .toList();
  }

  @Override
  public long countMentions(String roomId, String userId, long afterSeq) {
    return inRoom(roomId).stream().filter(m -> m.seq() > afterSeq && m.mentions(userId)).count();
  }

  private final List<MessageChange> changes = new CopyOnWriteArrayList<>();
  private final java.util.Set<String> changeIds =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Override
  public List<Message> bySeqs(String roomId, Collection<Long> seqs) {
    return inRoom(roomId).stream()
        .filter(m -> seqs.contains(m.seq()))
        .sorted(Comparator.comparingLong(Message::seq))
        .toList();
  }

  @Override
  public synchronized void change(MessageChange change, String clientChangeId) {
    String key = change.roomId() + "/" + change.actorId() + "/" + clientChangeId;
    boolean revTaken =
        changes.stream()
            .anyMatch(c -> c.roomId().equals(change.roomId()) && c.rev() == change.rev());
    if (revTaken || changeIds.contains(key)) {
      throw new DuplicateMessageException("duplicate key", null);
    }
    changeIds.add(key);
    changes.add(change.showing(null));
    messages.replaceAll(
        m -> m.roomId().equals(change.roomId()) && m.seq() == change.seq() ? change.after() : m);
  }

  @Override
  public synchronized List<Message> purge(String roomId, Collection<Long> seqs) {
    List<Message> gone = bySeqs(roomId, seqs);
    long last = lastSeq(roomId);
    messages.removeIf(m -> m.roomId().equals(roomId) && seqs.contains(m.seq()) && m.seq() != last);
    messages.replaceAll(
        m ->
            m.roomId().equals(roomId) && m.seq() == last && seqs.contains(last)
                ? m.tombstone(m.createdAt())
                : m);
    return gone;
  }

  @Override
  public boolean changeExists(String roomId, String actorId, String clientChangeId) {
    return changeIds.contains(roomId + "/" + actorId + "/" + clientChangeId);
  }

  @Override
  public long lastRev(String roomId) {
    return changes.stream()
        .filter(c -> c.roomId().equals(roomId))
        .mapToLong(MessageChange::rev)
        .max()
        .orElse(0);
  }

  @Override
  public List<MessageChange> changesAfter(String roomId, long afterRev, int limit) {
    return changes.stream()
        .filter(c -> c.roomId().equals(roomId) && c.rev() > afterRev)
        .sorted(Comparator.comparingLong(MessageChange::rev))
        .limit(limit)
        .toList();
  }

  private final java.util.Map<String, List<MessageEdit>> edits =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public void keepEdit(String roomId, long seq, MessageEdit edit) {
    edits.computeIfAbsent(roomId + "/" + seq, k -> new CopyOnWriteArrayList<>()).add(edit);
  }

  @Override
  public List<MessageEdit> edits(String roomId, long seq) {
    return List.copyOf(edits.getOrDefault(roomId + "/" + seq, List.of()));
  }

  @Override
  public void forgetEdits(String roomId, long seq) {
    edits.remove(roomId + "/" + seq);
  }

  @Override
  public List<Long> pinned(String roomId) {
    List<Message> pinned =
        new ArrayList<>(inRoom(roomId).stream().filter(Message::pinned).toList());
    java.util.Collections.reverse(pinned);
    return pinned.stream().map(Message::seq).toList();
  }

  public List<Message> inRoom(String roomId) {
    return messages.stream().filter(m -> m.roomId().equals(roomId)).toList();
  }
}
