package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.parley.mongo.MessageDocuments.ROOM_SEQ;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.messaging.ChangeLog;
import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The changes made to messages in {@code message_changes}, one small document each (what changed,
 * by whom, when; never the text, so a deleted message's text is gone from the store), keyed
 * "roomId/rev" in {@code _id} and read by key. Recording one also stores the message as it left it
 * and, for pins and deletions, the room's pinned list.
 */
public class MongoChangeLog implements ChangeLog {

  private final MongoCollection<Document> changes;
  private final MongoCollection<Document> messages;
  private final MongoPins pins;
  private final GapFreeKeys revs;

  MongoChangeLog(MongoDatabase db, MongoPins pins) {
    this.changes = db.getCollection(Collections.MESSAGE_CHANGES);
    this.messages = db.getCollection(Collections.MESSAGES);
    this.pins = pins;
    this.revs = new GapFreeKeys(changes, "_id", "rev");
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
      throw MessageDocuments.duplicateOr(e);
    }
    revs.seen(change.roomId(), change.rev());
    Message after = change.after();
    messages.replaceOne(
        eq(ROOM_SEQ, GapFreeKeys.key(after.roomId(), after.seq())),
        MessageDocuments.toDocument(after),
        new ReplaceOptions().upsert(false));
    if (change.kind() == MessageChange.Kind.PINNED
        || change.kind() == MessageChange.Kind.UNPINNED
        || change.kind() == MessageChange.Kind.DELETED) {
      pins.update(change.roomId(), change.seq(), after.pinned());
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
  public void seen(MessageChange change) {
    revs.seen(change.roomId(), change.rev());
  }
}
