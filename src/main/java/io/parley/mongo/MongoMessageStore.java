package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.parley.messaging.Attachment;
import io.parley.messaging.DuplicateMessageException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import io.parley.messaging.MessageEdit;
import io.parley.messaging.MessageStore;
import io.parley.messaging.RoomEvent;
import io.parley.messaging.ThreadSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Messages in the {@code messages} collection, one document each in its current state, and the
 * changes made to them in {@code message_changes}, one small document each (what changed, by whom,
 * when; never the text, so a deleted message's text is gone from the store). Both are numbered
 * gap-free per room and read by their keys (see {@link GapFreeKeys}): messages by "roomId/seq" in
 * {@code roomSeq}, changes by "roomId/rev" in {@code _id}. Pinned messages are listed per room in
 * {@code pins}.
 */
public class MongoMessageStore implements MessageStore {

  /** Mentions are counted among at most this many of the newest unread messages. */
  static final int MAX_MENTION_SCAN = 2_000;

  static final String ROOM_SEQ = "roomSeq";

  private final MongoCollection<Document> messages;
  private final MongoCollection<Document> changes;
  private final MongoCollection<Document> pins;
  private final MongoCollection<Document> edits;
  private final MongoCollection<Document> floors;

  /** Each room's purge floor as last read (0: nothing purged), dropped when a purge is told. */
  private final java.util.Map<String, Long> knownFloors =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final GapFreeKeys seqs;
  private final GapFreeKeys revs;

  public MongoMessageStore(MongoDatabase db) {
    this.messages = db.getCollection(Collections.MESSAGES);
    this.changes = db.getCollection(Collections.MESSAGE_CHANGES);
    this.pins = db.getCollection(Collections.PINS);
    this.edits = db.getCollection(Collections.MESSAGE_EDITS);
    this.floors = db.getCollection(Collections.MESSAGE_FLOORS);
    this.seqs = new GapFreeKeys(messages, ROOM_SEQ, "seq");
    this.revs = new GapFreeKeys(changes, "_id", "rev");
  }

  @Override
  public void insert(Message m) {
    try {
      messages.insertOne(toDocument(m));
    } catch (MongoWriteException e) {
      throw duplicateOr(e);
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
    return Optional.ofNullable(doc).map(MongoMessageStore::toMessage);
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
    long from = Math.max(afterSeq, floor(roomId));
    long last = lastSeq(roomId);
    List<Message> page = range(roomId, from + 1, Math.min(from + limit, last));
    // Above the floor, retention leaves holes only after messages a hold kept: step over them.
    while (page.isEmpty() && from + limit < last) {
      from += limit;
      page = range(roomId, from + 1, Math.min(from + limit, last));
    }
    return page;
  }

  /** The highest seq retention removed from the room (what a hold kept below it is skipped). */
  private long floor(String roomId) {
    return knownFloors.computeIfAbsent(
        roomId,
        id -> {
          Document d = floors.find(eq("_id", id)).first();
          return d == null ? 0L : d.getLong("seq");
        });
  }

  @Override
  public List<Message> bySeqs(String roomId, Collection<Long> wanted) {
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<String> keys = wanted.stream().map(s -> GapFreeKeys.key(roomId, s)).toList();
    return sorted(messages.find(in(ROOM_SEQ, keys)));
  }

  @Override
  public void change(MessageChange change, String clientChangeId) {
    Document record =
        new Document("_id", GapFreeKeys.key(change.roomId(), change.rev()))
            .append("roomId", change.roomId())
            .append("rev", change.rev())
            .append("seq", change.seq())
            .append("kind", change.kind().name())
            .append("actorId", change.actorId())
            .append("clientChangeId", clientChangeId)
            .append("at", Date.from(change.at()));
    try {
      changes.insertOne(record);
    } catch (MongoWriteException e) {
      throw duplicateOr(e);
    }
    revs.seen(change.roomId(), change.rev());
    Message after = change.after();
    messages.replaceOne(
        eq(ROOM_SEQ, GapFreeKeys.key(after.roomId(), after.seq())),
        toDocument(after),
        new ReplaceOptions().upsert(false));
    if (change.kind() == MessageChange.Kind.PINNED
        || change.kind() == MessageChange.Kind.UNPINNED
        || change.kind() == MessageChange.Kind.DELETED) {
      updatePins(change.roomId(), change.seq(), after.pinned());
    }
  }

  /** Keeps the room's pinned list (read-modify-write: the room's sequencer is its one writer). */
  private void updatePins(String roomId, long seq, boolean pinned) {
    List<Long> list = new ArrayList<>(pinned(roomId));
    boolean changed = list.remove(Long.valueOf(seq));
    if (pinned) {
      list.add(0, seq);
      changed = true;
    }
    if (changed) {
      pins.replaceOne(
          eq("_id", roomId),
          new Document("_id", roomId).append("seqs", list),
          new ReplaceOptions().upsert(true));
    }
  }

  @Override
  public boolean changeExists(String roomId, String actorId, String clientChangeId) {
    return changes
            .find(
                new Document("roomId", roomId)
                    .append("actorId", actorId)
                    .append("clientChangeId", clientChangeId))
            .projection(Projections.include("_id"))
            .first()
        != null;
  }

  @Override
  public long lastRev(String roomId) {
    return revs.last(roomId);
  }

  @Override
  public List<MessageChange> changesAfter(String roomId, long afterRev, int limit) {
    long to = Math.min(afterRev + limit, lastRev(roomId));
    if (to <= afterRev) {
      return List.of();
    }
    List<MessageChange> page = new ArrayList<>();
    for (Document d : changes.find(in("_id", GapFreeKeys.keys(roomId, afterRev + 1, to)))) {
      page.add(
          new MessageChange(
              roomId,
              d.getLong("rev"),
              d.getLong("seq"),
              MessageChange.Kind.valueOf(d.getString("kind")),
              d.getString("actorId"),
              d.getDate("at").toInstant(),
              null));
    }
    page.sort(Comparator.comparingLong(MessageChange::rev));
    return page;
  }

  @Override
  public void keepEdit(String roomId, long seq, MessageEdit edit) {
    // One document per edited message ("roomId/seq"), its versions in order: read by key.
    edits.updateOne(
        eq("_id", GapFreeKeys.key(roomId, seq)),
        Updates.push(
            "versions",
            new Document("editorId", edit.editorId())
                .append("at", Date.from(edit.at()))
                .append("body", edit.previousBody())),
        new com.mongodb.client.model.UpdateOptions().upsert(true));
  }

  @Override
  public List<MessageEdit> edits(String roomId, long seq) {
    Document doc = edits.find(eq("_id", GapFreeKeys.key(roomId, seq))).first();
    if (doc == null) {
      return List.of();
    }
    return doc.getList("versions", Document.class).stream()
        .map(
            v ->
                new MessageEdit(
                    v.getString("editorId"), v.getDate("at").toInstant(), v.getString("body")))
        .toList();
  }

  @Override
  public void forgetEdits(String roomId, long seq) {
    edits.deleteOne(eq("_id", GapFreeKeys.key(roomId, seq)));
  }

  @Override
  public List<Message> purge(String roomId, Collection<Long> wanted) {
    List<Message> gone = bySeqs(roomId, wanted);
    long last = lastSeq(roomId);
    for (Message m : gone) {
      String key = GapFreeKeys.key(roomId, m.seq());
      if (m.seq() == last) {
        messages.replaceOne(eq(ROOM_SEQ, key), toDocument(m.tombstone(m.createdAt())));
      } else {
        messages.deleteOne(eq(ROOM_SEQ, key));
      }
      edits.deleteOne(eq("_id", key));
    }
    raiseFloor(roomId, last);
    return gone;
  }

  /**
   * Moves the room's floor up over every seq that no longer exists, stopping at the first that does
   * (a message a hold kept stops it, so it is found again when the hold is lifted).
   */
  private void raiseFloor(String roomId, long last) {
    knownFloors.remove(roomId);
    long floor = floor(roomId);
    long raised = floor;
    while (raised < last) {
      long to = Math.min(raised + 500, last);
      List<Message> present = range(roomId, raised + 1, to);
      if (!present.isEmpty()) {
        raised = present.get(0).seq() - 1;
        break;
      }
      raised = to;
    }
    if (raised > floor) {
      floors.replaceOne(
          eq("_id", roomId),
          new Document("_id", roomId).append("seq", raised),
          new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }
    knownFloors.remove(roomId);
  }

  @Override
  public void purged(String roomId) {
    knownFloors.remove(roomId);
  }

  @Override
  public List<Long> pinned(String roomId) {
    Document doc = pins.find(eq("_id", roomId)).first();
    return doc == null ? List.of() : doc.getList("seqs", Long.class, List.of());
  }

  @Override
  public void seen(RoomEvent event) {
    if (event instanceof Message m) {
      seqs.seen(m.roomId(), m.seq());
    } else if (event instanceof MessageChange c) {
      revs.seen(c.roomId(), c.rev());
    }
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

  /** The room's messages with seq in [from, to], in seq order. */
  private List<Message> range(String roomId, long from, long to) {
    if (from > to) {
      return List.of();
    }
    return sorted(messages.find(in(ROOM_SEQ, GapFreeKeys.keys(roomId, from, to))));
  }

  private static List<Message> sorted(Iterable<Document> docs) {
    List<Message> page = new ArrayList<>();
    docs.forEach(d -> page.add(toMessage(d)));
    page.sort(Comparator.comparingLong(Message::seq));
    return page;
  }

  private static RuntimeException duplicateOr(MongoWriteException e) {
    if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
      return new DuplicateMessageException(e.getMessage(), e);
    }
    return e;
  }

  /**
   * Gives messages stored before {@code roomSeq} existed their key (once, at start-up; a scan, but
   * only of the documents that lack it).
   */
  public static long addMissingKeys(MongoDatabase db) {
    MongoCollection<Document> messages = db.getCollection(Collections.MESSAGES);
    long added = 0;
    for (Document d :
        messages.find(exists(ROOM_SEQ, false)).projection(Projections.include("roomId", "seq"))) {
      messages.updateOne(
          eq("_id", d.get("_id")),
          Updates.set(ROOM_SEQ, GapFreeKeys.key(d.getString("roomId"), d.getLong("seq"))));
      added++;
    }
    return added;
  }

  /** A message as stored: the document {@link #insert} writes (also for bulk loads). */
  public static Document toDocument(Message m) {
    Document doc =
        new Document("_id", m.id())
            .append("roomId", m.roomId())
            .append("seq", m.seq())
            .append(ROOM_SEQ, GapFreeKeys.key(m.roomId(), m.seq()))
            .append("senderId", m.senderId())
            .append("body", m.body())
            .append("contentType", m.contentType())
            .append("createdAt", Date.from(m.createdAt()))
            .append("editedAt", m.editedAt() == null ? null : Date.from(m.editedAt()))
            .append("deleted", m.deleted())
            .append("clientMsgId", m.clientMsgId())
            .append("metadata", new Document(new HashMap<>(m.metadata())))
            .append("mentions", m.mentions());
    // Optional parts only when present: a plain message stays as small as before.
    if (m.html() != null) {
      doc.append("html", m.html());
    }
    if (!m.reactions().isEmpty()) {
      List<Document> reactions = new ArrayList<>();
      m.reactions().forEach((e, who) -> reactions.add(new Document("emoji", e).append("by", who)));
      doc.append("reactions", reactions);
    }
    if (m.pinnedBy() != null) {
      doc.append("pinnedBy", m.pinnedBy());
    }
    if (m.threadOf() > 0) {
      doc.append("threadOf", m.threadOf()).append("alsoInRoom", m.alsoInRoom());
    }
    if (m.thread().replies() > 0) {
      doc.append(
          "thread",
          new Document("replySeqs", m.thread().replySeqs())
              .append("lastReplyAt", Date.from(m.thread().lastReplyAt()))
              .append("participants", m.thread().participants()));
    }
    if (m.removedBy() != null) {
      doc.append("removedBy", m.removedBy());
    }
    if (!m.files().isEmpty()) {
      doc.append("files", m.files().stream().map(MongoMessageStore::fileDocument).toList());
    }
    return doc;
  }

  private static Document fileDocument(Attachment a) {
    return new Document("fileId", a.fileId())
        .append("name", a.name())
        .append("contentType", a.contentType())
        .append("size", a.size())
        .append("thumbnailId", a.thumbnailId())
        .append("width", a.width())
        .append("height", a.height());
  }

  static Message toMessage(Document doc) {
    Document meta = doc.get("metadata", Document.class);
    Map<String, String> metadata = new HashMap<>();
    if (meta != null) {
      meta.forEach((k, v) -> metadata.put(k, String.valueOf(v)));
    }
    Date edited = doc.getDate("editedAt");
    Map<String, List<String>> reactions = new LinkedHashMap<>();
    for (Document r : doc.getList("reactions", Document.class, List.of())) {
      reactions.put(r.getString("emoji"), r.getList("by", String.class));
    }
    Document thread = doc.get("thread", Document.class);
    List<Attachment> files = new ArrayList<>();
    for (Document f : doc.getList("files", Document.class, List.of())) {
      files.add(
          new Attachment(
              f.getString("fileId"),
              f.getString("name"),
              f.getString("contentType"),
              f.get("size", Number.class).longValue(),
              f.getString("thumbnailId"),
              f.getInteger("width", 0),
              f.getInteger("height", 0)));
    }
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
        doc.getList("mentions", String.class, List.of()),
        doc.getString("html"),
        reactions,
        doc.getString("pinnedBy"),
        doc.get("threadOf", 0L),
        doc.getBoolean("alsoInRoom", false),
        thread == null
            ? ThreadSummary.NONE
            : new ThreadSummary(
                thread.getList("replySeqs", Long.class),
                thread.getDate("lastReplyAt").toInstant(),
                thread.getList("participants", String.class)),
        files,
        doc.getString("removedBy"));
  }
}
