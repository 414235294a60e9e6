package io.parley.mongo;

import static com.mongodb.client.model.Filters.in;
import static io.parley.mongo.MessageDocuments.ROOM_SEQ;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.parley.messaging.Message;
import io.parley.messaging.MessageHistory;
import io.parley.messaging.RoomEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Messages in the {@code messages} collection, one document each in its current state, numbered
 * gap-free per room and read by their keys "roomId/seq" in {@code roomSeq} (see {@link
 * GapFreeKeys}): a page is a lookup of known keys, never a sort of the room.
 */
public class MongoMessages implements MessageHistory {

  /** Mentions are counted among at most this many of the newest unread messages. */
  static final int MAX_MENTION_SCAN = 2_000;

  private final MongoCollection<Document> messages;
  private final GapFreeKeys seqs;
  private final PurgeFloors floors;

  MongoMessages(MongoDatabase db, PurgeFloors floors) {
    this.messages = db.getCollection(Collections.MESSAGES);
    this.seqs = new GapFreeKeys(messages, ROOM_SEQ, "seq");
    this.floors = floors;
  }

  @Override
  public void insert(Message m) {
    try {
      messages.insertOne(MessageDocuments.toDocument(m));
    } catch (MongoWriteException e) {
      throw MessageDocuments.duplicateOr(e);
    }
    seqs.seen(m.roomId(), m.seq());
  }

  @Override
  public Optional<Message> findByClientMsgId(String roomId, String senderId, String clientMsgId) {
    // An exact match on the unique {roomId, senderId, clientMsgId} index, as one flat document:
    // the driver renders and() as $and, which the embedded store answers by scanning.
    Document doc =
        messages
            .find(
                new Document("roomId", roomId)
                    .append("senderId", senderId)
                    .append("clientMsgId", clientMsgId))
            .first();
    return Optional.ofNullable(doc).map(MessageDocuments::toMessage);
  }

  @Override
  public long lastSeq(String roomId) {
    return seqs.last(roomId);
  }

  @Override
  public List<Message> before(String roomId, long beforeSeq, int limit) {
    long to = beforeSeq == Long.MAX_VALUE ? Long.MAX_VALUE : beforeSeq - 1;
    if (to > seqs.known(roomId)) {
      to = Math.min(to, lastSeq(roomId));
    }
    return range(roomId, Math.max(1, to - limit + 1), to);
  }

  @Override
  public List<Message> after(String roomId, long afterSeq, int limit) {
    // Gap-free seqs: the next page is the next keys, up to the last one stored; below the room's
    // purge floor retention removed them, so a page starts above it rather than coming back empty.
    long from = Math.max(afterSeq, floors.floor(roomId));
    long last = lastSeq(roomId);
    List<Message> page = range(roomId, from + 1, Math.min(from + limit, last));
    // Above the floor, retention leaves holes only after messages a hold kept: step over them.
    while (page.isEmpty() && from + limit < last) {
      from += limit;
      page = range(roomId, from + 1, Math.min(from + limit, last));
    }
    return page;
  }

  @Override
  public List<Message> bySeqs(String roomId, Collection<Long> wanted) {
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<String> keys = wanted.stream().map(s -> GapFreeKeys.key(roomId, s)).toList();
    return MessageDocuments.sorted(messages.find(in(ROOM_SEQ, keys)));
  }

  @Override
  public long countMentions(String roomId, String userId, long afterSeq) {
    long last = lastSeq(roomId);
    long from = Math.max(afterSeq + 1, last - MAX_MENTION_SCAN + 1);
    if (from > last) {
      return 0;
    }
    long count = 0;
    for (Document d :
        messages
            .find(in(ROOM_SEQ, GapFreeKeys.keys(roomId, from, last)))
            .projection(Projections.include("mentions"))) {
      if (d.getList("mentions", String.class, List.of()).contains(userId)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public void seen(RoomEvent event) {
    if (event instanceof Message m) {
      seqs.seen(m.roomId(), m.seq());
    }
  }

  @Override
  public void purged(String roomId) {
    floors.forget(roomId);
  }

  /** The room's messages with seq in [from, to], in seq order. */
  List<Message> range(String roomId, long from, long to) {
    if (from > to) {
      return List.of();
    }
    return MessageDocuments.sorted(messages.find(in(ROOM_SEQ, GapFreeKeys.keys(roomId, from, to))));
  }
}
