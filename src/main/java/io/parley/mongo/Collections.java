package io.parley.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/** The collections Parley uses and the indexes its queries need, created at start-up. */
public final class Collections {

  public static final String USERS = "users";
  public static final String ROOMS = "rooms";
  public static final String MEMBERSHIPS = "memberships";
  public static final String MESSAGES = "messages";
  public static final String RECEIPTS = "receipts";
  public static final String AVATARS = "avatars";
  public static final String BANS = "bans";
  public static final String MEMBER_LISTS = "member_lists";
  public static final String RECEIPT_LISTS = "receipt_lists";
  public static final String MESSAGE_CHANGES = "message_changes";
  public static final String PINS = "pins";
  public static final String MESSAGE_EDITS = "message_edits";
  public static final String AUDIT = "audit";
  public static final String REPORTS = "reports";
  public static final String HOOKS = "hooks";
  public static final String ACCESS_TOKENS = "access_tokens";
  public static final String USER_GROUPS = "user_groups";
  public static final String CUSTOM_COMMANDS = "custom_commands";
  public static final String OUTGOING_HOOKS = "outgoing_hooks";
  public static final String HOOK_DELIVERIES = "hook_deliveries";
  public static final String RETENTION = "retention";
  public static final String MESSAGE_FLOORS = "message_floors";
  public static final String CONNECTIONS = "connections";
  public static final String HELD_MESSAGES = "held_messages";
  public static final String SAVED_MESSAGES = "saved_messages";
  public static final String REMINDERS = "reminders";
  public static final String SCHEDULED_MESSAGES = "scheduled_messages";
  public static final String MISSED = "missed";
  public static final String AWAY_SETTINGS = "away_settings";
  public static final String SECRETS = "secrets";
  public static final String PUSH_SUBSCRIPTIONS = "push_subscriptions";
  public static final String DRAFTS = "drafts";
  public static final String PREFERENCES = "preferences";
  public static final String THREAD_FOLLOWS = "thread_follows";
  public static final String CUSTOM_EMOJI = "custom_emoji";

  private Collections() {}

  public static void createIndexes(MongoDatabase db) {
    MongoCollection<Document> messages = db.getCollection(MESSAGES);
    // One order per room: "roomId/seq" is unique, the safety net of the sequencer, and every
    // read of messages is a lookup of these keys (see MongoMessages). Sparse only so that it
    // can be created before older messages get their key at start-up. (It replaces a compound
    // {roomId, seq} index: on the embedded store each unique index costs every insert a B-tree
    // descent whose comparisons serialize the keys, so one index fewer is a quarter less work.)
    messages.createIndex(
        Indexes.ascending(MessageDocuments.ROOM_SEQ),
        new IndexOptions().name("room_seq_key").unique(true).sparse(true));
    // Idempotent sends: a retry with the same clientMsgId cannot store a second copy.
    messages.createIndex(
        Indexes.ascending("roomId", "senderId", "clientMsgId"), unique("room_sender_client_msg"));

    // Changes are keyed "roomId/rev" in _id (read like messages, by their keys); a retried change
    // with the same clientChangeId cannot be recorded twice.
    db.getCollection(MESSAGE_CHANGES)
        .createIndex(
            Indexes.ascending("roomId", "actorId", "clientChangeId"), unique("room_actor_client"));

    MongoCollection<Document> memberships = db.getCollection(MEMBERSHIPS);
    memberships.createIndex(Indexes.ascending("roomId", "userId"), unique("room_user"));
    memberships.createIndex(Indexes.ascending("userId"), new IndexOptions().name("user"));

    MongoCollection<Document> rooms = db.getCollection(ROOMS);
    rooms.createIndex(Indexes.ascending("type", "nameLower"), new IndexOptions().name("type_name"));
    rooms.createIndex(
        Indexes.ascending("directKey"),
        new IndexOptions().name("direct_key").unique(true).sparse(true));

    db.getCollection(USERS)
        .createIndex(Indexes.ascending("username"), new IndexOptions().name("username"));
    db.getCollection(USERS)
        .createIndex(Indexes.ascending("nameKeys"), new IndexOptions().name("name_keys"));
    db.getCollection(RECEIPTS)
        .createIndex(Indexes.ascending("userId", "roomId"), unique("user_room"));
    db.getCollection(RECEIPTS)
        .createIndex(Indexes.ascending("roomId"), new IndexOptions().name("room"));
    db.getCollection(CONNECTIONS)
        .createIndex(
            Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("openedAt")),
            new IndexOptions().name("user_opened"));
    db.getCollection(CONNECTIONS)
        .createIndex(Indexes.ascending("openedAt"), new IndexOptions().name("opened"));
    db.getCollection(AUDIT).createIndex(Indexes.descending("at"), new IndexOptions().name("at"));
    db.getCollection(REPORTS)
        .createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
    db.getCollection(REPORTS)
        .createIndex(Indexes.ascending("reporterId"), new IndexOptions().name("reporter"));
    db.getCollection(HOOKS)
        .createIndex(Indexes.ascending("roomId"), new IndexOptions().name("room"));
    db.getCollection(SAVED_MESSAGES)
        .createIndex(
            Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("savedAt")),
            new IndexOptions().name("user_saved"));
    db.getCollection(REMINDERS)
        .createIndex(Indexes.ascending("userId"), new IndexOptions().name("user"));
    db.getCollection(REMINDERS)
        .createIndex(Indexes.ascending("dueAt"), new IndexOptions().name("due"));
    db.getCollection(SCHEDULED_MESSAGES)
        .createIndex(Indexes.ascending("userId"), new IndexOptions().name("user"));
    db.getCollection(SCHEDULED_MESSAGES)
        .createIndex(Indexes.ascending("sendAt"), new IndexOptions().name("send_at"));
    db.getCollection(MISSED).createIndex(Indexes.ascending("at"), new IndexOptions().name("at"));
    db.getCollection(THREAD_FOLLOWS)
        .createIndex(
            Indexes.compoundIndex(
                Indexes.ascending("userId"), Indexes.descending("lastActivityAt")),
            new IndexOptions().name("user_activity"));
    db.getCollection(PUSH_SUBSCRIPTIONS)
        .createIndex(Indexes.ascending("userId"), new IndexOptions().name("user"));
    db.getCollection(MISSED)
        .createIndex(Indexes.ascending("userId"), new IndexOptions().name("user"));
    // A person's marks and a room's marks are found through receipt_lists (key lookups); the
    // two indexes above serve a real MongoDB's ad-hoc queries and the one-time list build.
  }

  private static IndexOptions unique(String name) {
    return new IndexOptions().name(name).unique(true);
  }
}
