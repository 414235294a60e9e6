package io.parley.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoDatabase;
import io.parley.rooms.Membership;
import io.parley.rooms.RoomRole;
import io.parley.testing.WireStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Memberships over the MongoDB wire (the embedded store's engine, in memory). */
class MongoRoomDirectoryTest {

  private WireStore store;
  private MongoDatabase db;
  private MongoRoomDirectory rooms;

  @BeforeEach
  void start() {
    store = new WireStore();
    db = store.db();
    rooms = new MongoRoomDirectory(db);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private static Membership member(String room, String user) {
    return new Membership(room, user, RoomRole.MEMBER, Instant.parse("2026-11-29T12:00:00Z"));
  }

  private Set<String> roomsOf(String user) {
    return rooms.membershipsOf(user).stream().map(Membership::roomId).collect(Collectors.toSet());
  }

  private Set<String> membersOf(String room) {
    return rooms.members(room).stream().map(Membership::userId).collect(Collectors.toSet());
  }

  @Test
  void joinsAndLeavesShowInBothDirections() {
    rooms.addMember(member("r1", "ada"));
    rooms.addMember(member("r1", "bob"));
    rooms.addMember(member("r2", "ada"));
    rooms.addMember(member("r2", "ada")); // a repeat changes nothing
    assertEquals(Set.of("r1", "r2"), roomsOf("ada"));
    assertEquals(Set.of("ada", "bob"), membersOf("r1"));
    assertEquals(1, rooms.members("r2").size());

    rooms.removeMember("r1", "ada");
    assertEquals(Set.of("r2"), roomsOf("ada"));
    assertEquals(Set.of("bob"), membersOf("r1"));
    assertEquals(Set.of(), roomsOf("nobody"));
    assertEquals(Set.of(), membersOf("no-room"));
  }

  @Test
  void aStoreFromBeforeTheListsGetsThemAtStartUp() {
    for (String[] pair : new String[][] {{"r1", "ada"}, {"r1", "bob"}, {"r2", "bob"}}) {
      db.getCollection(Collections.MEMBERSHIPS)
          .insertOne(
              new Document("_id", pair[0] + ":" + pair[1])
                  .append("roomId", pair[0])
                  .append("userId", pair[1])
                  .append("role", "MEMBER")
                  .append("joinedAt", new java.util.Date())
                  .append("muted", false));
    }
    assertEquals(Set.of(), roomsOf("bob"), "no lists yet");
    assertEquals(4, MongoRoomDirectory.addMissingMemberLists(db), "two rooms, two people");
    assertEquals(0, MongoRoomDirectory.addMissingMemberLists(db), "only once");
    assertEquals(Set.of("r1", "r2"), roomsOf("bob"));
    assertEquals(Set.of("ada", "bob"), membersOf("r1"));
  }

  @Test
  void aJoinInterruptedBeforeTheListsIsRepairedByJoiningAgain() {
    rooms.addMember(member("r1", "ada"));
    db.getCollection(Collections.MEMBER_LISTS).deleteMany(new Document());
    assertEquals(Set.of(), roomsOf("ada"));
    assertEquals(member("r1", "ada"), rooms.addMember(member("r1", "ada")));
    assertEquals(List.of("r1"), List.copyOf(roomsOf("ada")));
  }
}
