package io.parley.mongo;

import com.mongodb.client.MongoDatabase;
import io.parley.messaging.MessageStores;

/** The message store's parts on MongoDB, sharing one database and each room's purge floor. */
public final class MongoMessageStores {

  private MongoMessageStores() {}

  public static MessageStores open(MongoDatabase db) {
    PurgeFloors floors = new PurgeFloors(db);
    MongoMessages messages = new MongoMessages(db, floors);
    MongoEditHistory edits = new MongoEditHistory(db);
    MongoPins pins = new MongoPins(db);
    return new MessageStores(
        messages,
        new MongoChangeLog(db, pins),
        edits,
        pins,
        new MongoPurge(db, messages, edits, floors));
  }
}
