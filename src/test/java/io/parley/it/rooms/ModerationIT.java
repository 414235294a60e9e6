package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Room moderation through the API, enforced on every way in (API, socket, page). */
class ModerationIT {

  private static int moderate(TestUser actor, String room, String action, TestUser target) {
    return actor
        .post(
            "/api/rooms/" + room + "/moderation",
            "{\"action\":\"" + action + "\",\"username\":" + Parley.quote(target.username()) + "}")
        .statusCode();
  }

  @Test
  void onlyModeratorsModerateAndTheirActsHoldEverywhere() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser mod = Parley.signIn(Parley.unique("Mod"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = owner.createRoom(Parley.unique("moderated"), "public");
    for (TestUser u : new TestUser[] {mod, bob, eve}) {
      u.join(room);
    }

    assertEquals(403, moderate(eve, room, "mute", bob), "a member doing a moderator's act");
    assertEquals(403, moderate(eve, room, "promote", eve));
    assertEquals(
        403, eve.post("/api/rooms/" + room + "/mode", "{\"mode\":\"read_only\"}").statusCode());
    assertEquals(204, moderate(owner, room, "promote", mod));
    assertEquals(403, moderate(mod, room, "promote", bob), "only the owner appoints");
    assertEquals(403, moderate(mod, room, "ban", owner), "nobody bans the owner");
    assertEquals(400, moderate(mod, room, "$where", bob));

    // Muted: refused on the API and on the socket, reading still works.
    assertEquals(204, moderate(mod, room, "mute", bob));
    assertEquals(403, bob.postMessage(room, "can I?", "m-1").statusCode());
    try (LiveSocket b = LiveSocket.open(bob)) {
      b.sendMessage(room, "and now?", "m-2");
      assertTrue(b.awaitStatus().contains("you are muted"));
    }
    assertEquals(200, bob.get("/api/rooms/" + room + "/messages").statusCode());
    assertTrue(bob.page("/rooms/" + room).body().contains("You are muted in this room"));
    assertEquals(204, moderate(mod, room, "unmute", bob));
    assertEquals(201, bob.postMessage(room, "thanks", "m-3").statusCode());

    // Read-only: only moderators post.
    var mode = mod.post("/api/rooms/" + room + "/mode", "{\"mode\":\"read_only\"}");
    assertEquals(200, mode.statusCode(), mode.body());
    assertTrue(mode.body().contains("\"mode\":\"read_only\""));
    assertEquals(403, bob.postMessage(room, "hello?", "m-4").statusCode());
    assertEquals(201, mod.postMessage(room, "announcement", "m-5").statusCode());
    String readOnly = bob.page("/rooms/" + room).body();
    assertTrue(readOnly.contains("Only moderators post in this room."), readOnly);
    assertTrue(readOnly.contains("class=\"composer-fields\" disabled"), "the composer is off");
    mod.post("/api/rooms/" + room + "/mode", "{\"mode\":\"open\"}");

    // Kicked: out of the room at once (the open page leaves it), and free to join again.
    try (LiveSocket watching = LiveSocket.open(eve).resume(room, 0)) {
      watching.awaitMessages(room, 2, Duration.ofSeconds(10));
      assertEquals(204, moderate(mod, room, "kick", eve));
      watching.await(f -> f.contains("You were removed from this room"), Duration.ofSeconds(10));
    }
    assertFalse(
        eve.page("/rooms/" + room).body().contains("id=\"composer\""), "no longer a member");
    eve.join(room);
    assertEquals(201, eve.postMessage(room, "back after a kick", "k-1").statusCode());

    // Banned: out of the room at once (an open page stops receiving it), cannot read, post or
    // rejoin; the socket refuses too.
    try (LiveSocket watching = LiveSocket.open(eve).resume(room, 0)) {
      watching.awaitMessages(room, 2, Duration.ofSeconds(10));
      assertEquals(204, moderate(mod, room, "ban", eve));
      watching.await(f -> f.contains("You were removed from this room"), Duration.ofSeconds(10));
      assertEquals(201, owner.postMessage(room, "after the ban", "o-1").statusCode());
      assertTrue(
          watching.drain(Duration.ofMillis(1500)).stream()
              .noneMatch(f -> f.contains("after the ban")),
          "nothing of the room reaches the banned person any more");
    }
    assertEquals(403, eve.get("/api/rooms/" + room + "/messages").statusCode());
    assertEquals(403, eve.postMessage(room, "let me back", "e-1").statusCode());
    assertEquals(403, eve.post("/api/rooms/" + room + "/join", "").statusCode());
    try (LiveSocket e = LiveSocket.open(eve)) {
      e.resume(room, 0);
      assertTrue(
          e.await(f -> f.contains("status error"), Duration.ofSeconds(10)).contains("banned"));
    }
    assertEquals(204, moderate(mod, room, "unban", eve));
    eve.join(room);
    assertEquals(201, eve.postMessage(room, "back", "e-2").statusCode());
  }
}
