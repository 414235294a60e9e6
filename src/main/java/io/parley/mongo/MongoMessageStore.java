package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.parley.messaging.DuplicateMessageException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Messages in the {@code messages} collection, one document each. Besides the unique index on
 * {roomId, seq}, each message carries {@code roomSeq} = "roomId/seq" under a unique index of its
 * own, and every read is a lookup of such keys ({@code $in}): seqs are gap-free per room, so a page
 * of history is a known set of keys. That is one indexed operation on a real MongoDB, and on the
 * embedded store (which only answers exact matches and {@code $in} on one-field unique indexes from
 * an index, and scans for anything else) it stays as fast with a million messages as with ten. The
 * room's last seq is found by probing keys upward from the highest seq this node has seen.
 */
public class MongoMessageStore implements MessageStore {

  /** Keys looked up per probe when finding a room's last seq. */
  static final int PROBE = 64;

  /** Mentions are counted among at most this many of the newest unread messages. */
  static final int MAX_MENTION_SCAN = 2_000;

  private final MongoCollection<Document> messages;
  private final ConcurrentMap<String, Long> knownLast = new ConcurrentHashMap<>();

  public MongoMessageStore(MongoDatabase db) {
    this.messages = db.getCollection(io.parley.mongo.Collections.MESSAGES);
  }

  /** The key of a room's seq: one field, so the embedded store can serve it from an index. */
  static String roomSeq(String roomId, long seq) {
    return roomId + "/" + seq;
  }

  @Override
  public void insert(Message m) {
    Document doc = toDocument(m);
    try {
      messages.insertOne(doc);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw new DuplicateMessageException(e.getMessage(), e);
      }
      throw e;
    }
    knownLast.merge(m.roomId(), m.seq(), Math::max);
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
    return Optional.ofNullable(doc).map(MongoMessageStore::toMessage);
  }

  @Override
  public long lastSeq(String roomId) {
    long last = knownLast.getOrDefault(roomId, 0L);
    if (last == 0) {
      last = highestPowerOfTwoStored(roomId);
      if (last == 0) {
        return 0;
      }
      last = search(roomId, last, last * 2);
    }
    // Seqs are gap-free: probe the next keys, a few first (usually nothing or little is new,
    // and each key is an index lookup), more while probes come back full.
    int width = 2;
    while (true) {
      long from = last + 1;
      long highest = highestStored(roomId, from, from + width - 1);
      if (highest == 0) {
        break;
      }
      last = highest;
      if (highest < from + width - 1) {
        break;
      }
      width = Math.min(PROBE, width * 8);
    }
    final long found = last;
    knownLast.merge(roomId, found, Math::max);
    return found;
  }

  /** The largest 2^k that is a stored seq of the room (0 when it has none). */
  private long highestPowerOfTwoStored(String roomId) {
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < 50; k++) {
      keys.add(roomSeq(roomId, 1L << k));
    }
    return highestOf(keys);
  }

  /** The last seq, knowing seq {@code low} is stored and {@code high} is not. */
  private long search(String roomId, long low, long high) {
    while (high - low > 1) {
      long step = Math.max(1, (high - low) / PROBE);
      List<String> keys = new ArrayList<>();
      for (long seq = low + step; seq < high; seq += step) {
        keys.add(roomSeq(roomId, seq));
      }
      long best = Math.max(low, highestOf(keys));
      high = Math.min(high, best + step);
      low = best;
    }
    return low;
  }

  /** The highest stored seq in [from, to], 0 when none is. */
  private long highestStored(String roomId, long from, long to) {
    return highestOf(keys(roomId, from, to));
  }

  /** The highest seq among the stored messages with these keys, 0 when none is stored. */
  private long highestOf(List<String> roomSeqKeys) {
    long best = 0;
    for (Document d : messages.find(in(ROOM_SEQ, roomSeqKeys)).projection(SEQ_ONLY)) {
      best = Math.max(best, d.getLong("seq"));
    }
    return best;
  }

  @Override
  public List<Message> before(String roomId, long beforeSeq, int limit) {
    long to = beforeSeq == Long.MAX_VALUE ? Long.MAX_VALUE : beforeSeq - 1;
    if (to > knownLast.getOrDefault(roomId, 0L)) {
      to = Math.min(to, lastSeq(roomId));
    }
    return range(roomId, Math.max(1, to - limit + 1), to);
  }

  @Override
  public List<Message> after(String roomId, long afterSeq, int limit) {
    // Gap-free seqs: the next page is the next keys, up to the last one stored.
    return range(roomId, afterSeq + 1, Math.min(afterSeq + limit, lastSeq(roomId)));
  }

  @Override
  public void seen(Message message) {
    knownLast.merge(message.roomId(), message.seq(), Math::max);
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
            .find(in(ROOM_SEQ, keys(roomId, from, last)))
            .projection(Projections.include("mentions"))) {
      if (d.getList("mentions", String.class, List.of()).contains(userId)) {
        count++;
      }
    }
    return count;
  }

  /** The room's messages with seq in [from, to], in seq order. */
  private List<Message> range(String roomId, long from, long to) {
    if (from > to) {
      return List.of();
    }
    List<Message> page = new ArrayList<>((int) (to - from + 1));
    messages.find(in(ROOM_SEQ, keys(roomId, from, to))).forEach(d -> page.add(toMessage(d)));
    page.sort(Comparator.comparingLong(Message::seq));
    return page;
  }

  private static List<String> keys(String roomId, long from, long to) {
    List<String> keys = new ArrayList<>((int) Math.max(0, to - from + 1));
    for (long seq = from; seq <= to; seq++) {
      keys.add(roomSeq(roomId, seq));
    }
    return keys;
  }

  /**
   * Gives messages stored before {@code roomSeq} existed their key (once, at start-up; a scan, but
   * only of the documents that lack it).
   */
  public static long addMissingKeys(MongoDatabase db) {
    MongoCollection<Document> messages = db.getCollection(io.parley.mongo.Collections.MESSAGES);
    long added = 0;
    for (Document d :
        messages.find(exists(ROOM_SEQ, false)).projection(Projections.include("roomId", "seq"))) {
      messages.updateOne(
          eq("_id", d.get("_id")),
          Updates.set(ROOM_SEQ, roomSeq(d.getString("roomId"), d.getLong("seq"))));
      added++;
    }
    return added;
  }

  static final String ROOM_SEQ = "roomSeq";
  private static final Bson SEQ_ONLY = Projections.include("seq");

  /** A message as stored: the document {@link #insert} writes (also for bulk loads). */
  public static Document toDocument(Message m) {
    return new Document("_id", m.id())
        .append("roomId", m.roomId())
        .append("seq", m.seq())
        .append(ROOM_SEQ, roomSeq(m.roomId(), m.seq()))
        .append("senderId", m.senderId())
        .append("body", m.body())
        .append("contentType", m.contentType())
        .append("createdAt", Date.from(m.createdAt()))
        .append("editedAt", m.editedAt() == null ? null : Date.from(m.editedAt()))
        .append("deleted", m.deleted())
        .append("clientMsgId", m.clientMsgId())
        .append("metadata", new Document(new HashMap<>(m.metadata())))
        .append("mentions", m.mentions());
  }

  static Message toMessage(Document doc) {
    Document meta = doc.get("metadata", Document.class);
    Map<String, String> metadata = new HashMap<>();
    if (meta != null) {
      meta.forEach((k, v) -> metadata.put(k, String.valueOf(v)));
    }
    Date edited = doc.getDate("editedAt");
    return new Message(
        doc.getString("_id"),
        doc.getString("roomId"),
        doc.getLong("seq"),
        doc.getString("senderId"),
        doc.getString("body"),
        doc.getString("contentType"),
        doc.getDate("createdAt").toInstant(),
        edited == null ? null : edited.toInstant(),
        doc.getBoolean("deleted", false),
        doc.getString("clientMsgId"),
        metadata,
        doc.getList("mentions", String.class, List.of()));
  }
}
