package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.parley.rooms.Membership;
import io.parley.rooms.Room;
import io.parley.rooms.RoomDirectory;
import io.parley.rooms.RoomMode;
import io.parley.rooms.RoomRole;
import io.parley.rooms.RoomType;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Rooms in {@code rooms}, memberships in {@code memberships}. */
public class MongoRoomDirectory implements RoomDirectory {

  private final MongoCollection<Document> rooms;
  private final MongoCollection<Document> memberships;
  private final MongoCollection<Document> bans;

  public MongoRoomDirectory(MongoDatabase db) {
    this.rooms = db.getCollection(Collections.ROOMS);
    this.memberships = db.getCollection(Collections.MEMBERSHIPS);
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
  public Membership addMember(Membership m) {
    Document doc =
        new Document("_id", m.roomId() + ":" + m.userId())
            .append("roomId", m.roomId())
            .append("userId", m.userId())
            .append("role", m.role().name())
            .append("joinedAt", Date.from(m.joinedAt()))
            .append("muted", m.muted());
    try {
      memberships.insertOne(doc);
      return m;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return membership(m.roomId(), m.userId()).orElseThrow();
    }
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
    List<Membership> found = new ArrayList<>();
    memberships.find(eq("userId", userId)).forEach(d -> found.add(toMembership(d)));
    return found;
  }

  @Override
  public List<Membership> members(String roomId) {
    List<Membership> found = new ArrayList<>();
    memberships.find(eq("roomId", roomId)).forEach(d -> found.add(toMembership(d)));
    return found;
  }

  @Override
  public void updateMember(Membership m) {
    memberships.updateOne(
        eq("_id", m.roomId() + ":" + m.userId()),
        com.mongodb.client.model.Updates.combine(
            com.mongodb.client.model.Updates.set("role", m.role().name()),
            com.mongodb.client.model.Updates.set("muted", m.muted())));
  }

  @Override
  public void removeMember(String roomId, String userId) {
    memberships.deleteOne(eq("_id", roomId + ":" + userId));
  }

  @Override
  public void setBanned(String roomId, String userId, boolean banned) {
    String id = roomId + ":" + userId;
    if (banned) {
      bans.replaceOne(
          eq("_id", id),
          new Document("_id", id).append("roomId", roomId).append("userId", userId),
          new com.mongodb.client.model.ReplaceOptions().upsert(true));
    } else {
      bans.deleteOne(eq("_id", id));
    }
  }

  @Override
  public boolean isBanned(String roomId, String userId) {
    return bans.find(eq("_id", roomId + ":" + userId)).first() != null;
  }

  @Override
  public void setMode(String roomId, RoomMode mode) {
    rooms.updateOne(eq("_id", roomId), com.mongodb.client.model.Updates.set("mode", mode.name()));
  }

  private static Room toRoom(Document d) {
    return new Room(
        d.getString("_id"),
        d.getString("name"),
        RoomType.valueOf(d.getString("type")),
        d.getString("createdBy"),
        d.getDate("createdAt").toInstant(),
        d.getString("directKey"),
        d.getString("mode") == null ? RoomMode.OPEN : RoomMode.valueOf(d.getString("mode")));
  }

  private static Membership toMembership(Document d) {
    return new Membership(
        d.getString("roomId"),
        d.getString("userId"),
        RoomRole.valueOf(d.getString("role")),
        d.getDate("joinedAt").toInstant(),
        d.getBoolean("muted", false));
  }
}
