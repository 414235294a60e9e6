package io.parley.testing;

import io.parley.messaging.DuplicateMessageException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A message store in memory that enforces the same unique keys as the MongoDB indexes. */
public class InMemoryMessageStore implements MessageStore {

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

  public List<Message> inRoom(String roomId) {
    return messages.stream().filter(m -> m.roomId().equals(roomId)).toList();
  }
}
