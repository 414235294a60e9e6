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
    Room room = rooms.lifecycle().create("alice", "  Design  ", RoomType.PUBLIC);
    assertEquals("Design", room.name());
    assertEquals(RoomRole.OWNER, rooms.access().requireMember("alice", room.id()).role());
    assertTrue(RoomRole.OWNER.canModerate());
  }

  @Test
  void validatesNamesAndTypes() {
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.lifecycle().create("a", " ", RoomType.PUBLIC)));
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.lifecycle().create("a", "x".repeat(81), RoomType.PUBLIC)));
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.lifecycle().create("a", "bad\u0007", RoomType.PUBLIC)));
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.lifecycle().create("a", "dm", RoomType.DIRECT)));
    assertEquals(
        DomainException.Kind.INVALID, refused(() -> rooms.lifecycle().create("a", "dm", null)));
  }

  @Test
  void anyoneJoinsPublicRoomsOnlyMembersSeePrivateOnes() {
    Room open = rooms.lifecycle().create("alice", "open", RoomType.PUBLIC);
    Room secret = rooms.lifecycle().create("alice", "secret", RoomType.PRIVATE);
    assertEquals(RoomRole.MEMBER, rooms.memberships().join("bob", open.id()).role());
    assertEquals(
        RoomRole.MEMBER,
        rooms.memberships().join("bob", open.id()).role(),
        "joining twice is harmless");
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        refused(() -> rooms.memberships().join("bob", secret.id())));
    assertEquals(
        DomainException.Kind.NOT_FOUND, refused(() -> rooms.access().visible("bob", secret.id())));
    assertEquals(secret, rooms.access().visible("alice", secret.id()));
    assertEquals(RoomRole.OWNER, rooms.memberships().join("alice", secret.id()).role());
  }

  @Test
  void unknownAndMalformedRoomIdsAreNotFound() {
    assertEquals(
        DomainException.Kind.NOT_FOUND, refused(() -> rooms.access().visible("a", "nope")));
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        refused(() -> rooms.access().visible("a", "{\"$gt\":\"\"}")));
    assertEquals(
        DomainException.Kind.NOT_FOUND, refused(() -> rooms.access().requireMember("a", null)));
  }

  @Test
  void directConversationsAreFoundAgainAndNeedTwoPeople() {
    Room dm = rooms.lifecycle().openDirect("alice", List.of("bob"));
    assertEquals(RoomType.DIRECT, dm.type());
    assertEquals(dm.id(), rooms.lifecycle().openDirect("bob", List.of("alice")).id());
    assertTrue(rooms.access().isMember("bob", dm.id()));
    Room group = rooms.lifecycle().openDirect("alice", List.of("bob", "carol"));
    assertEquals(RoomType.GROUP_DIRECT, group.type());
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.lifecycle().openDirect("alice", List.of("alice"))));
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        refused(() -> rooms.memberships().join("mallory", dm.id())),
        "a DM is hidden");
  }

  @Test
  void listsAUsersRoomsNamedFirstThenDirect() {
    rooms.lifecycle().create("alice", "zeta", RoomType.PUBLIC);
    rooms.lifecycle().create("alice", "Alpha", RoomType.PRIVATE);
    rooms.lifecycle().openDirect("alice", List.of("bob"));
    List<Room> mine = rooms.listings().roomsOf("alice");
    assertEquals(List.of("Alpha", "zeta"), mine.subList(0, 2).stream().map(Room::name).toList());
    assertTrue(mine.get(2).type().isDirect());
    assertEquals(List.of("zeta"), rooms.listings().publicRooms().stream().map(Room::name).toList());
    assertEquals(2, rooms.memberLists().members(mine.get(2).id()).size());
  }

  private Room moderatedRoom() {
    Room room = rooms.lifecycle().create("owner", "town hall", RoomType.PUBLIC);
    for (String who : List.of("mod", "bob", "eve")) {
      rooms.memberships().join(who, room.id());
    }
    rooms.moderation().moderate("owner", room.id(), "mod", Moderation.PROMOTE);
    return room;
  }

  @Test
  void membersCannotModerateAndModeratorsCannotAppointOrTouchTheOwner() {
    Room room = moderatedRoom();
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.moderation().moderate("eve", room.id(), "bob", Moderation.MUTE)));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.settings().setMode("eve", room.id(), RoomMode.READ_ONLY)));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.moderation().moderate("mod", room.id(), "bob", Moderation.PROMOTE)));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.moderation().moderate("mod", room.id(), "owner", Moderation.BAN)));
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.moderation().moderate("mod", room.id(), "mod", Moderation.MUTE)));
    assertTrue(rooms.access().canModerate("mod", room.id()));
  }

  @Test
  void mutedMembersReadButDoNotPost() {
    Room room = moderatedRoom();
    rooms.moderation().moderate("mod", room.id(), "bob", Moderation.MUTE);
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.access().requirePoster("bob", room.id())));
    rooms.access().visible("bob", room.id());
    rooms.moderation().moderate("mod", room.id(), "bob", Moderation.UNMUTE);
    rooms.access().requirePoster("bob", room.id());
  }

  @Test
  void bannedPeopleLoseTheRoomUntilUnbanned() {
    Room room = moderatedRoom();
    rooms.moderation().moderate("mod", room.id(), "eve", Moderation.BAN);
    assertEquals(
        DomainException.Kind.FORBIDDEN, refused(() -> rooms.access().visible("eve", room.id())));
    assertEquals(
        DomainException.Kind.FORBIDDEN, refused(() -> rooms.memberships().join("eve", room.id())));
    assertEquals(false, rooms.access().isMember("eve", room.id()));
    rooms.moderation().moderate("mod", room.id(), "eve", Moderation.UNBAN);
    rooms.memberships().join("eve", room.id());
    rooms.access().requirePoster("eve", room.id());
  }

  @Test
  void readOnlyRoomsLetOnlyModeratorsPost() {
    Room room = moderatedRoom();
    assertEquals(
        RoomMode.READ_ONLY, rooms.settings().setMode("mod", room.id(), RoomMode.READ_ONLY).mode());
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.access().requirePoster("bob", room.id())));
    rooms.access().requirePoster("mod", room.id());
    rooms.access().requirePoster("owner", room.id());
    rooms.settings().setMode("owner", room.id(), RoomMode.OPEN);
    rooms.access().requirePoster("bob", room.id());
  }

  @Test
  void globalModeratorsModerateEveryRoomAndDirectConversationsHaveNoModeration() {
    globalModerators.add("staff");
    Room room = moderatedRoom();
    rooms.moderation().moderate("staff", room.id(), "bob", Moderation.PROMOTE);
    Room dm = rooms.lifecycle().openDirect("bob", List.of("eve"));
    assertEquals(
        DomainException.Kind.FORBIDDEN,
        refused(() -> rooms.moderation().moderate("bob", dm.id(), "eve", Moderation.MUTE)));
    globalModerators.clear();
    globalModerators.add("bob");
    assertEquals(
        DomainException.Kind.INVALID,
        refused(() -> rooms.moderation().moderate("bob", dm.id(), "eve", Moderation.MUTE)));
  }

  @Test
  void aKickedPersonIsOutAtOnceMayRejoinAndTheActIsAudited() {
    Room room = rooms.lifecycle().create("owner", "kicks", RoomType.PUBLIC);
    rooms.memberships().join("eve", room.id());
    rooms.moderation().moderate("owner", room.id(), "eve", Moderation.KICK);
    assertTrue(!rooms.access().isMember("eve", room.id()), "out at once");
    assertEquals(
        DomainException.Kind.NOT_FOUND,
        refused(() -> rooms.moderation().moderate("owner", room.id(), "eve", Moderation.KICK)),
        "only members are kicked");
    rooms.memberships().join("eve", room.id());
    assertTrue(rooms.access().isMember("eve", room.id()), "a kick is not a ban");
    assertEquals("room.created", log.entries().get(0).action());
    assertEquals("kicks", log.entries().get(0).detail().get("name"));
    assertEquals("room.kick", log.entries().get(1).action());
    assertEquals("eve", log.entries().get(1).targetId());
  }
}
