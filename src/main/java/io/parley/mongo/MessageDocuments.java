package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.parley.messaging.Attachment;
import io.parley.messaging.DuplicateMessageException;
import io.parley.messaging.Message;
import io.parley.messaging.ThreadSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * A message as a document of the {@code messages} collection, and back: one place for the codec
 * that every class reading or writing messages shares. Messages are read by their gap-free key
 * "roomId/seq" in {@code roomSeq} (see {@link GapFreeKeys}).
 */
public final class MessageDocuments {

  static final String ROOM_SEQ = "roomSeq";

  private MessageDocuments() {}

  static List<Message> sorted(Iterable<Document> docs) {
    List<Message> page = new ArrayList<>();
    docs.forEach(d -> page.add(toMessage(d)));
    page.sort(Comparator.comparingLong(Message::seq));
    return page;
  }

  static RuntimeException duplicateOr(MongoWriteException e) {
    if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
      return new DuplicateMessageException(e.getMessage(), e);
    }
    return e;
  }

  /**
   * Gives messages stored before {@code roomSeq} existed their key (once, at start-up; a scan, but
   * only of the documents that lack it).
   */
  static long addMissingKeys(MongoDatabase db) {
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

  /**
   * A message as stored: the document {@link MongoMessages#insert} writes (also for bulk loads).
   */
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
      doc.append("files", m.files().stream().map(MessageDocuments::fileDocument).toList());
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
