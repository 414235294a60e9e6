package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.parley.rooms.Ban;
import io.parley.rooms.Membership;
import io.parley.rooms.Notify;
import io.parley.rooms.Room;
import io.parley.rooms.RoomDirectory;
import io.parley.rooms.RoomMode;
import io.parley.rooms.RoomRole;
import io.parley.rooms.RoomState;
import io.parley.rooms.RoomType;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Rooms in {@code rooms}, memberships in {@code memberships} (one document per room and person,
 * keyed {@code roomId:userId}). Who is in a room and which rooms a person is in are also kept as id
 * lists in {@code member_lists} ({@code room:<id>} and {@code user:<id>}), so both reads are key
 * lookups: the embedded store answers any query on a field other than a unique key by reading the
 * whole collection, and the sidebar of every page and socket asks for a person's rooms.
 */
public class MongoRoomDirectory implements RoomDirectory {

  private static final String IDS = "ids";

  private final MongoCollection<Document> rooms;
  private final MongoCollection<Document> memberships;
  private final MongoCollection<Document> memberLists;
  private final MongoCollection<Document> bans;

  public MongoRoomDirectory(MongoDatabase db) {
    this.rooms = db.getCollection(Collections.ROOMS);
    this.memberships = db.getCollection(Collections.MEMBERSHIPS);
    this.memberLists = db.getCollection(Collections.MEMBER_LISTS);
    this.bans = db.getCollection(Collections.BANS);
  }

  @Override
  public void create(Room room) {
    Document doc =
        new Document("_id", room.id())
            .append("name", room.name())
            .append("nameLower", room.name() == null ? null : room.name().toLowerCase())
            .append("type", room.type().name())
            .append("createdBy", room.createdBy())
            .append("createdAt", Date.from(room.createdAt()));
    if (room.directKey() != null) {
      doc.append("directKey", room.directKey());
    }
    try {
      rooms.insertOne(doc);
    } catch (MongoWriteException e) {
      // A direct room created at the same instant by the other person: theirs is kept.
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || room.directKey() == null) {
        throw e;
      }
    }
  }

  @Override
  public Optional<Room> find(String roomId) {
    return Optional.ofNullable(rooms.find(eq("_id", roomId)).first())
        .map(MongoRoomDirectory::toRoom);
  }

  @Override
  public Optional<Room> findByDirectKey(String directKey) {
    return Optional.ofNullable(rooms.find(eq("directKey", directKey)).first())
        .map(MongoRoomDirectory::toRoom);
  }

  @Override
  public List<Room> findAll(List<String> roomIds) {
    List<Room> found = new ArrayList<>();
    if (!roomIds.isEmpty()) {
      rooms.find(in("_id", roomIds)).forEach(d -> found.add(toRoom(d)));
    }
    return found;
  }

  @Override
  public List<Room> publicRooms(int limit) {
    List<Room> found = new ArrayList<>();
    rooms
        .find(eq("type", RoomType.PUBLIC.name()))
        .sort(Sorts.ascending("nameLower"))
        .limit(limit)
        .forEach(d -> found.add(toRoom(d)));
    return found;
  }

  @Override
  public List<Room> publicRooms(String prefix, int skip, int limit) {
    List<Room> found = new ArrayList<>();
    org.bson.conversions.Bson filter =
        com.mongodb.client.model.Filters.and(
            eq("type", RoomType.PUBLIC.name()),
            com.mongodb.client.model.Filters.nin(
                "state", RoomState.ARCHIVED.name(), RoomState.DELETED.name()),
            com.mongodb.client.model.Filters.regex(
                "nameLower",
                "^" + java.util.regex.Pattern.quote(prefix.toLowerCase(java.util.Locale.ROOT))));
    rooms
        .find(filter)
        .sort(Sorts.ascending("nameLower"))
        .skip(skip)
        .limit(limit)
        .forEach(d -> found.add(toRoom(d)));
    return found;
  }

  @Override
  public List<String> roomIds() {
    List<String> ids = new ArrayList<>();
    rooms.find().projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }

  @Override
  public List<Room> search(String prefix, int limit) {
    // The admin console's search: a scan on the embedded store, an index range on MongoDB.
    List<Room> found = new ArrayList<>();
    rooms
        .find(
            com.mongodb.client.model.Filters.regex(
                "nameLower",
                "^" + java.util.regex.Pattern.quote(prefix.toLowerCase(java.util.Locale.ROOT))))
        .sort(Sorts.ascending("nameLower"))
        .limit(limit)
        .forEach(d -> found.add(toRoom(d)));
    return found;
  }

  @Override
  public Membership addMember(Membership m) {
    Document doc =
        new Document("_id", m.roomId() + ":" + m.userId())
            .append("roomId", m.roomId())
            .append("userId", m.userId())
            .append("role", m.role().name())
            .append("joinedAt", Date.from(m.joinedAt()))
            .append("muted", m.muted())
            .append("mutedUntil", m.mutedUntil() == null ? null : Date.from(m.mutedUntil()));
    Membership result = m;
    try {
      memberships.insertOne(doc);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      result = membership(m.roomId(), m.userId()).orElseThrow();
    }
    // After the membership (the truth), and again on a repeat: a crash in between is repaired
    // by joining again.
    listed(m.roomId(), m.userId(), true);
    return result;
  }

  /** Adds or removes the pair in both id lists. */
  private void listed(String roomId, String userId, boolean member) {
    var upsert = new UpdateOptions().upsert(true);
    if (member) {
      memberLists.updateOne(eq("_id", "room:" + roomId), Updates.addToSet(IDS, userId), upsert);
      memberLists.updateOne(eq("_id", "user:" + userId), Updates.addToSet(IDS, roomId), upsert);
    } else {
      memberLists.updateOne(eq("_id", "room:" + roomId), Updates.pull(IDS, userId));
      memberLists.updateOne(eq("_id", "user:" + userId), Updates.pull(IDS, roomId));
    }
  }

  /** The ids in one list, empty when there is none. */
  private List<String> idsOf(String listId) {
    Document list = memberLists.find(eq("_id", listId)).first();
    return list == null ? List.of() : list.getList(IDS, String.class, List.of());
  }

  /** The memberships with these keys, each one index lookup. */
  private List<Membership> membershipsByKey(List<String> keys) {
    List<Membership> found = new ArrayList<>();
    if (!keys.isEmpty()) {
      memberships.find(in("_id", keys)).forEach(d -> found.add(toMembership(d)));
    }
    return found;
  }

  @Override
  public Optional<Membership> membership(String roomId, String userId) {
    return Optional.ofNullable(
            // By _id: one index lookup on every store (the driver renders and() as $and,
            // which the embedded store answers by scanning the collection).
            memberships.find(eq("_id", roomId + ":" + userId)).first())
        .map(MongoRoomDirectory::toMembership);
  }

  @Override
  public List<Membership> membershipsOf(String userId) {
    return membershipsByKey(idsOf("user:" + userId).stream().map(r -> r + ":" + userId).toList());
  }

  @Override
  public List<Membership> members(String roomId) {
    return membershipsByKey(idsOf("room:" + roomId).stream().map(u -> roomId + ":" + u).toList());
  }

  @Override
  public void updateMember(Membership m) {
    memberships.updateOne(
        eq("_id", m.roomId() + ":" + m.userId()),
        com.mongodb.client.model.Updates.combine(
            com.mongodb.client.model.Updates.set("role", m.role().name()),
            com.mongodb.client.model.Updates.set("muted", m.muted()),
            com.mongodb.client.model.Updates.set(
                "mutedUntil", m.mutedUntil() == null ? null : Date.from(m.mutedUntil())),
            com.mongodb.client.model.Updates.set("notify", m.notifyLevel().name())));
  }

  @Override
  public void removeMember(String roomId, String userId) {
    memberships.deleteOne(eq("_id", roomId + ":" + userId));
    listed(roomId, userId, false);
  }

  /**
   * Builds the id lists from the memberships when a store from before them has none (once, at
   * start-up: one read of every membership).
   */
  public static long addMissingMemberLists(MongoDatabase db) {
    MongoCollection<Document> lists = db.getCollection(Collections.MEMBER_LISTS);
    if (lists.countDocuments() > 0) {
      return 0;
    }
    var byList = new java.util.LinkedHashMap<String, List<String>>();
    for (Document d : db.getCollection(Collections.MEMBERSHIPS).find()) {
      String roomId = d.getString("roomId");
      String userId = d.getString("userId");
      byList.computeIfAbsent("room:" + roomId, k -> new ArrayList<>()).add(userId);
      byList.computeIfAbsent("user:" + userId, k -> new ArrayList<>()).add(roomId);
    }
    byList.forEach((id, ids) -> lists.insertOne(new Document("_id", id).append(IDS, ids)));
    return byList.size();
  }

  @Override
  public void setBan(String roomId, String userId, Ban ban) {
    String id = roomId + ":" + userId;
    if (ban == null) {
      bans.deleteOne(eq("_id", id));
      return;
    }
    bans.replaceOne(
        eq("_id", id),
        new Document("_id", id)
            .append("roomId", roomId)
            .append("userId", userId)
            .append("until", ban.until() == null ? null : Date.from(ban.until())),
        new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<Ban> ban(String roomId, String userId) {
    Document d = bans.find(eq("_id", roomId + ":" + userId)).first();
    if (d == null) {
      return Optional.empty();
    }
    Date until = d.getDate("until");
    return Optional.of(new Ban(until == null ? null : until.toInstant()));
  }

  @Override
  public void setState(String roomId, RoomState state) {
    rooms.updateOne(eq("_id", roomId), Updates.set("state", state.name()));
  }

  @Override
  public void setSlowMode(String roomId, int seconds) {
    rooms.updateOne(
        eq("_id", roomId), com.mongodb.client.model.Updates.set("slowModeSeconds", seconds));
  }

  @Override
  public void setMode(String roomId, RoomMode mode) {
    rooms.updateOne(eq("_id", roomId), com.mongodb.client.model.Updates.set("mode", mode.name()));
  }

  @Override
  public void rename(String roomId, String name) {
    rooms.updateOne(
        eq("_id", roomId),
        Updates.combine(Updates.set("name", name), Updates.set("nameLower", name.toLowerCase())));
  }

  @Override
  public void setTopic(String roomId, String topic) {
    rooms.updateOne(eq("_id", roomId), Updates.set("topic", topic));
  }

  @Override
  public void setModeratorsPin(String roomId, boolean moderatorsOnly) {
    rooms.updateOne(
        eq("_id", roomId), com.mongodb.client.model.Updates.set("moderatorsPin", moderatorsOnly));
  }

  private static Room toRoom(Document d) {
    return new Room(
        d.getString("_id"),
        d.getString("name"),
        RoomType.valueOf(d.getString("type")),
        d.getString("createdBy"),
        d.getDate("createdAt").toInstant(),
        d.getString("directKey"),
        d.getString("mode") == null ? RoomMode.OPEN : RoomMode.valueOf(d.getString("mode")),
        d.getBoolean("moderatorsPin", false),
        d.getInteger("slowModeSeconds", 0),
        d.getString("state") == null ? RoomState.ACTIVE : RoomState.valueOf(d.getString("state")),
        d.getString("topic"));
  }

  private static Membership toMembership(Document d) {
    return new Membership(
        d.getString("roomId"),
        d.getString("userId"),
        RoomRole.valueOf(d.getString("role")),
        d.getDate("joinedAt").toInstant(),
        d.getBoolean("muted", false),
        d.getDate("mutedUntil") == null ? null : d.getDate("mutedUntil").toInstant(),
        d.getString("notify") == null ? Notify.DEFAULT : Notify.valueOf(d.getString("notify")));
  }
}
