package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Mutes and bans that end by themselves (no restart, no moderator), and slow mode, on a real
 * server: refused on the API and the socket, shown live on the person's open page.
 */
class TimedModerationIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static HttpResponse<String> moderate(
      TestUser actor, String room, String action, TestUser target, String extra) {
    return actor.post(
        "/api/rooms/" + room + "/moderation",
        "{\"action\":\""
            + action
            + "\",\"username\":"
            + Parley.quote(target.username())
            + extra
            + "}");
  }

  /** Retries {@code attempt} until it answers {@code status}, for at most {@code within}. */
  private static HttpResponse<String> eventually(
      int status, Duration within, java.util.function.Supplier<HttpResponse<String>> attempt)
      throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    HttpResponse<String> last = attempt.get();
    while (last.statusCode() != status && System.nanoTime() < end) {
      Thread.sleep(250);
      last = attempt.get();
    }
    return last;
  }

  @Test
  void aTimedMuteShowsLiveAndEndsByItself() throws InterruptedException {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = owner.createRoom(Parley.unique("timed"), "public");
    bob.join(room);

    try (LiveSocket page = LiveSocket.open(bob).resume(room, 0).ready()) {
      var muted = moderate(owner, room, "mute", bob, ",\"seconds\":3,\"reason\":\"cool down\"");
      assertEquals(204, muted.statusCode(), muted.body());
      String standing = page.await(f -> f.contains("standing-" + room), WAIT);
      assertTrue(standing.contains("You are muted in this room"), standing);
      assertTrue(standing.contains("data-can-post=\"false\""), standing);
      assertTrue(standing.contains("data-muted-until=\""), "the page knows until when");
      var refused = bob.postMessage(room, "let me talk", "tm-1");
      assertEquals(403, refused.statusCode());
      assertTrue(refused.body().contains("muted in this room until"), refused.body());
      page.sendMessage(room, "on the socket", "tm-2");
      assertTrue(page.awaitStatus().contains("muted in this room until"));
    }
    // Nobody lifts it: the time does, on every way in.
    var after = eventually(201, WAIT, () -> bob.postMessage(room, "back", "tm-3"));
    assertEquals(201, after.statusCode(), after.body());
    assertTrue(bob.page("/rooms/" + room + "/standing").body().contains("data-can-post=\"true\""));

    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    JsonObject entry =
        Parley.json("{\"a\":" + admin.get("/api/admin/audit?limit=100").body() + "}")
            .getJsonArray("a")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(
                e ->
                    "room.mute".equals(e.getString("action"))
                        && room.equals(e.getString("roomId", "")))
            .findFirst()
            .orElseThrow();
    assertEquals("cool down", entry.getString("reason"));
    assertTrue(entry.getJsonObject("detail").getString("until").startsWith("20"), entry.toString());
  }

  @Test
  void aTimedBanEndsByItself() throws InterruptedException {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = owner.createRoom(Parley.unique("timed ban"), "public");
    eve.join(room);

    assertEquals(204, moderate(owner, room, "ban", eve, ",\"seconds\":3").statusCode());
    var join = eve.post("/api/rooms/" + room + "/join", "");
    assertEquals(403, join.statusCode());
    assertTrue(join.body().contains("banned from this room until"), join.body());
    assertEquals(400, moderate(owner, room, "ban", eve, ",\"seconds\":0").statusCode());

    var back = eventually(200, WAIT, () -> eve.post("/api/rooms/" + room + "/join", ""));
    assertTrue(back.statusCode() / 100 == 2, back.body());
    assertEquals(201, eve.postMessage(room, "I am back", "tb-1").statusCode());
  }

  @Test
  void slowModeSpacesMessagesExceptModeratorsAndShowsLive() throws InterruptedException {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = owner.createRoom(Parley.unique("slow"), "public");
    bob.join(room);

    try (LiveSocket page = LiveSocket.open(bob).resume(room, 0).ready()) {
      var set = owner.post("/api/rooms/" + room + "/slow-mode", "{\"seconds\":2}");
      assertEquals(200, set.statusCode(), set.body());
      assertTrue(set.body().contains("\"slowModeSeconds\":2"), set.body());
      String standing = page.await(f -> f.contains("standing-" + room), WAIT);
      assertTrue(standing.contains("Slow mode: one message every"), standing);
      assertTrue(standing.contains("data-slow-mode=\"2\""), standing);
    }
    assertEquals(
        403, bob.post("/api/rooms/" + room + "/slow-mode", "{\"seconds\":0}").statusCode());
    assertEquals(
        400, owner.post("/api/rooms/" + room + "/slow-mode", "{\"seconds\":-5}").statusCode());

    assertEquals(201, bob.postMessage(room, "first", "sm-1").statusCode());
    assertEquals(200, bob.postMessage(room, "first", "sm-1").statusCode(), "a retry passes");
    var tooSoon = bob.postMessage(room, "second", "sm-2");
    assertEquals(429, tooSoon.statusCode(), tooSoon.body());
    assertTrue(tooSoon.body().contains("Slow mode"), tooSoon.body());
    assertTrue(tooSoon.headers().firstValue("Retry-After").isPresent());
    assertEquals(201, owner.postMessage(room, "moderators", "so-1").statusCode());
    assertEquals(201, owner.postMessage(room, "are exempt", "so-2").statusCode());
    var later = eventually(201, WAIT, () -> bob.postMessage(room, "second", "sm-2"));
    assertEquals(201, later.statusCode(), later.body());

    assertEquals(
        200, owner.post("/api/rooms/" + room + "/slow-mode", "{\"seconds\":0}").statusCode());
    assertEquals(201, bob.postMessage(room, "fast again", "sm-3").statusCode());
    assertEquals(201, bob.postMessage(room, "and again", "sm-4").statusCode());
  }
}
