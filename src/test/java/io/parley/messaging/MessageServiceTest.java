package io.parley.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.InMemoryRoomDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageServiceTest {

  private final InMemoryMessageStore store = new InMemoryMessageStore();
  private final List<MessageChange> changes = Collections.synchronizedList(new ArrayList<>());
  private final List<Message> announced = new ArrayList<>();
  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), Clock.systemUTC());
  private final RoomSequencer sequencer =
      new RoomSequencer(
          MessageStores.of(store),
          e -> {
            if (e instanceof Message m) {
              announced.add(m);
            } else {
              changes.add((MessageChange) e);
            }
          },
          Clock.systemUTC(),
          () -> UUID.randomUUID().toString());
  private final MessageService messages = service().build();

  private MessageServiceBuilder service() {
    return MessageService.builder(
        rooms,
        sequencer,
        MessageStores.of(store),
        ids -> ids.stream().collect(Collectors.toMap(id -> id, id -> id.toUpperCase())));
  }

  private Room room;

  @BeforeEach
  void room() {
    room = rooms.lifecycle().create("alice", "general", RoomType.PUBLIC);
  }

  @Test
  void membersPostAndEveryoneReadsAPublicRoom() {
    SendResult r = messages.send("alice", room.id(), "hi", "c1", Map.of());
    assertEquals("alice", r.message().senderId());
    assertEquals(
        1, messages.history("stranger", room.id(), HistoryQuery.latest()).messages().size());
    assertEquals(1, messages.lastSeq(room.id()));
  }

  @Test
  void nonMembersCannotPostAndNothingIsStored() {
    DomainException e =
        assertThrows(
            DomainException.class, () -> messages.send("bob", room.id(), "hi", "c1", Map.of()));
    assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
    assertTrue(store.inRoom(room.id()).isEmpty());
    assertTrue(announced.isEmpty());
  }

  @Test
  void privateRoomsAreHiddenFromNonMembers() {
    Room secret = rooms.lifecycle().create("alice", "secret", RoomType.PRIVATE);
    messages.send("alice", secret.id(), "psst", "c1", Map.of());
    DomainException read =
        assertThrows(
            DomainException.class,
            () -> messages.history("bob", secret.id(), HistoryQuery.latest()));
    assertEquals(DomainException.Kind.NOT_FOUND, read.kind());
    DomainException post =
        assertThrows(
            DomainException.class, () -> messages.send("bob", secret.id(), "hi", "c2", Map.of()));
    assertEquals(DomainException.Kind.NOT_FOUND, post.kind());
  }

  @Test
  void historyPagesBeforeAndAfter() {
    for (int i = 1; i <= 120; i++) {
      messages.send("alice", room.id(), "m" + i, "c" + i, Map.of());
    }
    MessagePage latest = messages.history("alice", room.id(), HistoryQuery.latest());
    assertEquals(71, latest.oldestSeq());
    assertEquals(120, latest.newestSeq());
    assertTrue(latest.hasOlder());
    MessagePage first = messages.history("alice", room.id(), new HistoryQuery(21L, null, 50));
    assertEquals(1, first.oldestSeq());
    assertFalse(first.hasOlder());
    MessagePage after = messages.history("alice", room.id(), new HistoryQuery(null, 100L, 5));
    assertEquals(101, after.oldestSeq());
    assertEquals(105, after.newestSeq());
    assertTrue(after.hasOlder());
    MessagePage fromStart = messages.history("alice", room.id(), new HistoryQuery(null, 0L, 5));
    assertFalse(fromStart.hasOlder());
  }

  @Test
  void mentionsOfMembersAreStoredAndCountedOthersIgnored() {
    rooms.memberships().join("bob", room.id());
    rooms.memberships().join("cy", room.id());
    // usernames here are the ids upper-cased: mentions match them case-insensitively
    Message m =
        messages
            .send("alice", room.id(), "@bob and @CY, not @dan or @alice", "c1", Map.of())
            .message();
    assertEquals(List.of("bob", "cy"), m.mentions());
    messages.send("alice", room.id(), "no mention", "c2", Map.of());
    messages.send("cy", room.id(), "@bob again", "c3", Map.of());
    assertEquals(2, messages.mentionsSince("bob", room.id(), 0));
    assertEquals(1, messages.mentionsSince("bob", room.id(), 1));
    assertEquals(0, messages.mentionsSince("alice", room.id(), 0));
  }

  @Test
  void roomWideMentionsFromModeratorsReachEveryoneOrThoseOnline() {
    for (String member : List.of("bob", "cy", "dan", "room")) {
      rooms.memberships().join(member, room.id());
    }
    // the highlighted handles become the "html", to see what would be marked
    BodyFormat marked = (body, handles) -> String.join(",", new java.util.TreeSet<>(handles));
    MessageService messages =
        service()
            .configure(marked, e -> e, null)
            .roomWideMentions(
                RoomWideMentions.MODERATORS, ids -> ids.contains("bob") ? Set.of("bob") : Set.of())
            .build();

    Message all = messages.send("alice", room.id(), "@room standup in 5", "c1", Map.of()).message();
    assertEquals(List.of("bob", "cy", "dan", "room"), all.mentions(), "the owner moderates");
    assertEquals("room", all.html());
    Message here = messages.send("alice", room.id(), "@here anyone?", "c2", Map.of()).message();
    assertEquals(List.of("bob"), here.mentions(), "only who is online");
    assertEquals("here", here.html());
    assertEquals(2, messages.mentionsSince("bob", room.id(), 0));
    assertEquals(1, messages.mentionsSince("cy", room.id(), 0));

    // from a plain member the words mean the member called "room", or nothing
    Message plain = messages.send("cy", room.id(), "@room @here @dan", "c3", Map.of()).message();
    assertEquals(List.of("dan", "room"), plain.mentions());
    assertEquals("dan,room", plain.html());

    messages = service().roomWideMentions(RoomWideMentions.EVERYONE, ids -> ids).build();
    assertEquals(
        List.of("alice", "bob", "dan", "room"),
        messages.send("cy", room.id(), "@here lunch?", "c4", Map.of()).message().mentions());
    messages = service().roomWideMentions(RoomWideMentions.NOBODY, ids -> ids).build();
    assertEquals(
        List.of(), messages.send("alice", room.id(), "@here", "c5", Map.of()).message().mentions());
    assertThrows(IllegalArgumentException.class, () -> RoomWideMentions.parse("admins"));
    assertEquals(RoomWideMentions.EVERYONE, RoomWideMentions.parse(" Everyone "));
  }

  @Test
  void aModeratorRemovesAMessageAndOnlyTheAuditLogKeepsItsText() {
    io.parley.testing.RecordingAuditLog log = new io.parley.testing.RecordingAuditLog();
    MessageService messages = service().auditWith(log, Clock.systemUTC()).build();
    rooms.memberships().join("bob", room.id());
    rooms.memberships().join("eve", room.id());
    messages.send("bob", room.id(), "first take", "c-1", java.util.Map.of());
    messages.edit("bob", room.id(), 1, "something rude", "e-1");
    var refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.parley.common.DomainException.class,
            () -> messages.remove("eve", room.id(), 1, "no", "x-1"));
    assertEquals(io.parley.common.DomainException.Kind.FORBIDDEN, refused.kind());

    ChangeResult removed = messages.remove("alice", room.id(), 1, " spam ", "x-2");
    assertEquals("alice", removed.message().removedBy());
    assertEquals("", store.inRoom(room.id()).get(0).body());
    assertTrue(store.edits(room.id(), 1).isEmpty(), "earlier versions gone from the store too");
    assertEquals(1, log.entries().size());
    var entry = log.entries().get(0);
    assertEquals("message.removed", entry.action());
    assertEquals("alice", entry.actorId());
    assertEquals("bob", entry.targetId());
    assertEquals("spam", entry.reason());
    assertEquals("something rude", entry.detail().get("text"));
    assertEquals("first take", entry.detail().get("earlier1"));
    messages.remove("alice", room.id(), 1, "spam", "x-2");
    assertEquals(1, log.entries().size(), "a retry is not a second act");
  }
}
