package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static io.parley.mongo.MessageDocuments.ROOM_SEQ;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.parley.messaging.Message;
import io.parley.messaging.MessagePurge;
import java.util.Collection;
import java.util.List;
import org.bson.Document;

/** Retention's removals: messages and their earlier versions go, and the room's floor rises. */
public class MongoPurge implements MessagePurge {

  private final MongoCollection<Document> messages;
  private final MongoMessages history;
  private final MongoEditHistory edits;
  private final PurgeFloors floors;

  MongoPurge(MongoDatabase db, MongoMessages history, MongoEditHistory edits, PurgeFloors floors) {
    this.messages = db.getCollection(Collections.MESSAGES);
    this.history = history;
    this.edits = edits;
    this.floors = floors;
  }

  @Override
  public List<Message> purge(String roomId, Collection<Long> wanted) {
    List<Message> gone = history.bySeqs(roomId, wanted);
    long last = history.lastSeq(roomId);
    for (Message m : gone) {
      String key = GapFreeKeys.key(roomId, m.seq());
      if (m.seq() == last) {
        messages.replaceOne(
            eq(ROOM_SEQ, key), MessageDocuments.toDocument(m.tombstone(m.createdAt())));
      } else {
        messages.deleteOne(eq(ROOM_SEQ, key));
      }
      edits.forgetEdits(roomId, m.seq());
    }
    raiseFloor(roomId, last);
    return gone;
  }

  /**
   * Moves the room's floor up over every seq that no longer exists, stopping at the first that does
   * (a message a hold kept stops it, so it is found again when the hold is lifted).
   */
  private void raiseFloor(String roomId, long last) {
    floors.forget(roomId);
    long floor = floors.floor(roomId);
    long raised = floor;
    while (raised < last) {
      long to = Math.min(raised + 500, last);
      List<Message> present = history.range(roomId, raised + 1, to);
      if (!present.isEmpty()) {
        raised = present.get(0).seq() - 1;
        break;
      }
      raised = to;
    }
    if (raised > floor) {
      floors.raise(roomId, raised);
    }
    floors.forget(roomId);
  }
}
