package io.parley.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.testing.InMemoryRoomDirectory;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomServiceTest {

  private final java.util.Set<String> globalModerators = new java.util.HashSet<>();
  private final io.parley.testing.RecordingAuditLog log = new io.parley.testing.RecordingAuditLog();
  private final RoomService rooms =
      new RoomService(
          RoomContext.of(new InMemoryRoomDirectory(), Clock.systemUTC(), MembershipListener.NONE)
              .withGlobalModerators(globalModerators::contains)
              .withAudit(log));

  private static DomainException.Kind refused(Runnable r) {
    return assertThrows(DomainException.class, r::run).kind();
  }

  @Test
  void creatorOwnsTheRoom() {
    Room room = rooms.create("alice", "  Design  ", RoomType.PUBLIC);
    assertEquals("Design", room.name());
    assertEquals(RoomRole.OWNER, rooms.requireMember("alice", room.id()).role());
    assertTrue(RoomRole.OWNER.canModerate());
  }

  @Test
  void validatesNamesAndTypes() {
    assertEquals(
        DomainException.Kind.INVALID, refused(() -> rooms.create("a", " ", RoomType.PUBLIC)));
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.create("a", "x".repeat(81), RoomType.PUBLIC)));
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.create("a", "bad\u0007", RoomType.PUBLIC)));
    assertEquals(
        DomainException.Kind.INVALID, refused(() -> rooms.create("a", "dm", RoomType.DIRECT)));
    assertEquals(DomainException.Kind.INVALID, refused(() -> rooms.create("a", "dm", null)));
  }

  @Test
  void anyoneJoinsPublicRoomsOnlyMembersSeePrivateOnes() {
    Room open = rooms.create("alice", "open", RoomType.PUBLIC);
    Room secret = rooms.create("alice", "secret", RoomType.PRIVATE);
    assertEquals(RoomRole.MEMBER, rooms.join("bob", open.id()).role());
    assertEquals(RoomRole.MEMBER, rooms.join("bob", open.id()).role(), "joining twice is harmless");
    assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> rooms.join("bob", secret.id())));
    assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> rooms.visible("bob", secret.id())));
    assertEquals(secret, rooms.visible("alice", secret.id()));
    assertEquals(RoomRole.OWNER, rooms.join("alice", secret.id()).role());
  }

  @Test
  void unknownAndMalformedRoomIdsAreNotFound() {
    assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> rooms.visible("a", "nope")));
    assertEquals(
        DomainException.Kind.NOT_FOUND, refused(() -> rooms.visible("a", "{\"$gt\":\"\"}")));
    assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> rooms.requireMember("a", null)));
  }

  @Test
  void directConversationsAreFoundAgainAndNeedTwoPeople() {
    Room dm = rooms.openDirect("alice", List.of("bob"));
    assertEquals(RoomType.DIRECT, dm.type());
    assertEquals(dm.id(), rooms.openDirect("bob", List.of("alice")).id());
    assertTrue(rooms.isMember("bob", dm.id()));
    Room group = rooms.openDirect("alice", List.of("bob", "carol"));
    assertEquals(RoomType.GROUP_DIRECT, group.type());
    assertEquals(
        DomainException.Kind.INVALID, refused(() -> rooms.openDirect("alice", List.of("alice"))));
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        refused(() -> rooms.join("mallory", dm.id())),
        "a DM is hidden");
  }

  @Test
  void listsAUsersRoomsNamedFirstThenDirect() {
    rooms.create("alice", "zeta", RoomType.PUBLIC);
    rooms.create("alice", "Alpha", RoomType.PRIVATE);
    rooms.openDirect("alice", List.of("bob"));
    List<Room> mine = rooms.roomsOf("alice");
    assertEquals(List.of("Alpha", "zeta"), mine.subList(0, 2).stream().map(Room::name).toList());
    assertTrue(mine.get(2).type().isDirect());
    assertEquals(List.of("zeta"), rooms.publicRooms().stream().map(Room::name).toList());
    assertEquals(2, rooms.members(mine.get(2).id()).size());
  }

  private Room moderatedRoom() {
    Room room = rooms.create("owner", "town hall", RoomType.PUBLIC);
    for (String who : List.of("mod", "bob", "eve")) {
      rooms.join(who, room.id());
    }
    rooms.moderate("owner", room.id(), "mod", Moderation.PROMOTE);
    return room;
  }

  @Test
  void membersCannotModerateAndModeratorsCannotAppointOrTouchTheOwner() {
    Room room = moderatedRoom();
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.moderate("eve", room.id(), "bob", Moderation.MUTE)));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.setMode("eve", room.id(), RoomMode.READ_ONLY)));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.moderate("mod", room.id(), "bob", Moderation.PROMOTE)));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.moderate("mod", room.id(), "owner", Moderation.BAN)));
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.moderate("mod", room.id(), "mod", Moderation.MUTE)));
    assertTrue(rooms.canModerate("mod", room.id()));
  }

  @Test
  void mutedMembersReadButDoNotPost() {
    Room room = moderatedRoom();
    rooms.moderate("mod", room.id(), "bob", Moderation.MUTE);
    assertEquals(
        DomainException.Kind.FORBIDDEN, refused(() -> rooms.requirePoster("bob", room.id())));
    rooms.visible("bob", room.id());
    rooms.moderate("mod", room.id(), "bob", Moderation.UNMUTE);
    rooms.requirePoster("bob", room.id());
  }

  @Test
  void bannedPeopleLoseTheRoomUntilUnbanned() {
    Room room = moderatedRoom();
    rooms.moderate("mod", room.id(), "eve", Moderation.BAN);
    assertEquals(DomainException.Kind.FORBIDDEN, refused(() -> rooms.visible("eve", room.id())));
    assertEquals(DomainException.Kind.FORBIDDEN, refused(() -> rooms.join("eve", room.id())));
    assertEquals(false, rooms.isMember("eve", room.id()));
    rooms.moderate("mod", room.id(), "eve", Moderation.UNBAN);
    rooms.join("eve", room.id());
    rooms.requirePoster("eve", room.id());
  }

  @Test
  void readOnlyRoomsLetOnlyModeratorsPost() {
    Room room = moderatedRoom();
    assertEquals(RoomMode.READ_ONLY, rooms.setMode("mod", room.id(), RoomMode.READ_ONLY).mode());
    assertEquals(
        DomainException.Kind.FORBIDDEN, refused(() -> rooms.requirePoster("bob", room.id())));
    rooms.requirePoster("mod", room.id());
    rooms.requirePoster("owner", room.id());
    rooms.setMode("owner", room.id(), RoomMode.OPEN);
    rooms.requirePoster("bob", room.id());
  }

  @Test
  void globalModeratorsModerateEveryRoomAndDirectConversationsHaveNoModeration() {
    globalModerators.add("staff");
    Room room = moderatedRoom();
    rooms.moderate("staff", room.id(), "bob", Moderation.PROMOTE);
    Room dm = rooms.openDirect("bob", List.of("eve"));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.moderate("bob", dm.id(), "eve", Moderation.MUTE)));
    globalModerators.clear();
    globalModerators.add("bob");
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.moderate("bob", dm.id(), "eve", Moderation.MUTE)));
  }

  @Test
  void aKickedPersonIsOutAtOnceMayRejoinAndTheActIsAudited() {
    Room room = rooms.create("owner", "kicks", RoomType.PUBLIC);
    rooms.join("eve", room.id());
    rooms.moderate("owner", room.id(), "eve", Moderation.KICK);
    assertTrue(!rooms.isMember("eve", room.id()), "out at once");
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        refused(() -> rooms.moderate("owner", room.id(), "eve", Moderation.KICK)),
        "only members are kicked");
    rooms.join("eve", room.id());
    assertTrue(rooms.isMember("eve", room.id()), "a kick is not a ban");
    assertEquals("room.created", log.entries().get(0).action());
    assertEquals("kicks", log.entries().get(0).detail().get("name"));
    assertEquals("room.kick", log.entries().get(1).action());
    assertEquals("eve", log.entries().get(1).targetId());
  }
}
