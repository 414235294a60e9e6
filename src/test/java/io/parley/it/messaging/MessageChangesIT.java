package io.parley.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edits, deletes, reactions, pins and threads: each is an ordered change of the room, seen live on
 * a second socket and caught up by a socket that reconnects after missing it, through every way in
 * (API, plain forms, htmx forms).
 */
class MessageChangesIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String msgId(String room, long seq) {
    return "id=\"msg-" + room + "-" + seq + "\"";
  }

  @Test
  void editReactDeleteAreLiveAndCaughtUpAfterAReconnect() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("changes"), "public");
    bob.join(room);
    assertEquals(201, ada.postMessage(room, "hello *world*", "c-1").statusCode());
    try (LiveSocket live = LiveSocket.open(bob).resume(room, 1, 0).ready()) {
      var edited =
          ada.send(
              "PATCH",
              "/api/rooms/" + room + "/messages/1",
              "{\"body\":\"hello **there**\",\"clientChangeId\":\"e-1\"}");
      assertEquals(200, edited.statusCode(), edited.body());
      String frame = live.await(f -> f.contains(msgId(room, 1)), WAIT);
      assertTrue(frame.contains("hx-swap-oob=\"outerHTML\""), frame);
      assertTrue(frame.contains("<strong>there</strong>"), frame);
      assertTrue(frame.contains("class=\"edited\""), frame);
      assertTrue(frame.contains("data-rev=\"1\""), frame);

      var reacted =
          bob.form(
              "/rooms/" + room + "/messages/1/react",
              "emoji=" + enc("👍") + "&clientChangeId=r-1",
              true);
      assertEquals(204, reacted.statusCode(), reacted.body());
      frame = live.await(f -> f.contains(msgId(room, 1)) && f.contains("class=\"reaction\""), WAIT);
      assertTrue(frame.contains("data-rev=\"2\""), frame);
      assertTrue(frame.contains(">1</span>"), frame);

      var deleted = ada.form("/rooms/" + room + "/messages/1/delete", "clientChangeId=d-1", false);
      assertEquals(303, deleted.statusCode(), "without scripts the form goes back to the room");
      frame = live.await(f -> f.contains(msgId(room, 1)) && f.contains("message deleted"), WAIT);
      assertFalse(frame.contains("there"), frame);
    }
    JsonObject stored = Parley.json(ada.get("/api/rooms/" + room + "/messages/1").body());
    assertTrue(stored.getBoolean("deleted"));
    assertEquals("", stored.getString("body"), "the text is gone from the store and the API");
    assertTrue(!stored.containsKey("html") || stored.isNull("html"), "no formatted text either");

    // A page that showed message 1 before any change catches up on them: the message once, as
    // it is now.
    try (LiveSocket late = LiveSocket.open(bob).resume(room, 1, 0)) {
      String frame = late.await(f -> f.contains(msgId(room, 1)), WAIT);
      assertTrue(frame.contains("message deleted"), frame);
      assertTrue(frame.contains("data-rev=\"3\""), frame);
      assertTrue(
          late.drain(Duration.ofMillis(700)).stream().noneMatch(f -> f.contains(msgId(room, 1))),
          "one frame per changed message, not one per change");
    }
  }

  @Test
  void aRetriedChangeChangesOnceAndOnlyTheAuthorEditsOrDeletes() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("retries"), "public");
    bob.join(room);
    ada.postMessage(room, "typo", "c-1");
    String react = "{\"emoji\":\"🎉\",\"clientChangeId\":\"same\"}";
    assertEquals(200, bob.post("/api/rooms/" + room + "/messages/1/reactions", react).statusCode());
    var again = bob.post("/api/rooms/" + room + "/messages/1/reactions", react);
    assertEquals(
        1,
        Parley.json(again.body()).getJsonObject("reactions").getJsonArray("🎉").size(),
        "a retry does not toggle the reaction back");
    assertEquals(
        403,
        bob.send("PATCH", "/api/rooms/" + room + "/messages/1", "{\"body\":\"mine now\"}")
            .statusCode());
    assertEquals(403, bob.send("DELETE", "/api/rooms/" + room + "/messages/1", null).statusCode());
    assertEquals(
        400,
        bob.post("/api/rooms/" + room + "/messages/1/reactions", "{\"emoji\":\"<b>\"}")
            .statusCode(),
        "only emoji of the catalogue");
    String secret = ada.createRoom(Parley.unique("secret"), "private");
    ada.postMessage(secret, "private words", "s-1");
    assertEquals(404, bob.get("/api/rooms/" + secret + "/messages/1").statusCode());
    assertEquals(
        404,
        bob.post("/api/rooms/" + secret + "/messages/1/reactions", "{\"emoji\":\"👍\"}")
            .statusCode());
    assertEquals(404, bob.page("/rooms/" + secret + "/messages/1/edit").statusCode());
  }

  @Test
  void markdownIsFormattedOnceAndNothingInItRuns() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("format"), "public");
    var posted =
        ada.postMessage(
            room,
            "**bold** `x<y` <script>alert(1)</script> [click](javascript:alert(1)) https://example.org :tada:",
            "f-1");
    String html = Parley.json(posted.body()).getString("html");
    assertTrue(html.contains("<strong>bold</strong>"), html);
    assertTrue(html.contains("<code>x&lt;y</code>"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("javascript:"), html);
    assertTrue(html.contains("href=\"https://example.org\""), html);
    assertTrue(html.contains("rel=\"noopener noreferrer nofollow\""), html);
    assertTrue(html.contains("🎉"), html);
    String page = ada.page("/rooms/" + room).body();
    assertTrue(page.contains("<strong>bold</strong>"));
    assertFalse(page.contains("<script>alert"));
  }

  @Test
  void threadRepliesAreOrderedLiveAndMarkTheThreadForItsFollowers() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("threads"), "public");
    bob.join(room);
    ada.postMessage(room, "what do we ship?", "p-1");
    try (LiveSocket adaLive = LiveSocket.open(ada).resume(room, 1, 0).ready()) {
      var reply =
          bob.post(
              "/api/rooms/" + room + "/messages",
              "{\"body\":\"the parser\",\"clientMsgId\":\"t-1\",\"threadOf\":1}");
      assertEquals(201, reply.statusCode(), reply.body());
      String appended = adaLive.await(f -> f.contains("thread-replies-" + room + "-1"), WAIT);
      assertTrue(appended.contains("id=\"reply-" + room + "-2\""), appended);
      assertFalse(appended.contains("id=\"messages-" + room + "\""), "not in the timeline");
      String parent = adaLive.await(f -> f.contains(msgId(room, 1)), WAIT);
      assertTrue(parent.contains(">1 reply</span>, last <time"), parent);
      String badge = adaLive.await(f -> f.contains("thread-badge on"), WAIT);
      assertTrue(badge.contains("id=\"thread-badge-" + room + "-1\""), badge);
      assertTrue(badge.contains("new replies"), badge);

      var both =
          bob.form(
              "/rooms/" + room + "/threads/1",
              "body=also+for+everyone&alsoInRoom=true&clientMsgId=t-2",
              true);
      assertEquals(204, both.statusCode(), both.body());
      String twice = adaLive.await(f -> f.contains("reply-" + room + "-3"), WAIT);
      assertTrue(twice.contains("id=\"messages-" + room + "\""), "also in the timeline: " + twice);
    }
    // A page that was away catches up on the replies (into the open thread) and the new summary.
    try (LiveSocket back = LiveSocket.open(ada).resume(room, 1, 0)) {
      String reply = back.await(f -> f.contains("id=\"reply-" + room + "-2\""), WAIT);
      assertTrue(reply.contains("thread-replies-" + room + "-1"), reply);
      String summary = back.await(f -> f.contains(msgId(room, 1)), WAIT);
      assertTrue(summary.contains("2 replies"), summary);
    }
    // Without scripts a reply is a form that goes back to the thread.
    var plain =
        bob.form("/rooms/" + room + "/threads/1", "body=plain+reply&clientMsgId=t-3", false);
    assertEquals(303, plain.statusCode());
    assertTrue(plain.headers().firstValue("Location").orElse("").endsWith("/threads/1"));
    assertTrue(bob.page("/rooms/" + room + "/threads/1").body().contains("plain reply"));
    JsonObject thread = Parley.json(ada.get("/api/rooms/" + room + "/messages/1/thread").body());
    assertEquals(
        List.of("the parser", "also for everyone", "plain reply"),
        thread.getJsonArray("replies").getValuesAs(JsonObject.class).stream()
            .map(r -> r.getString("body"))
            .toList());
    assertTrue(
        ada.page("/rooms/" + room).body().contains("class=\"thread-badge on\""),
        "a reload still shows the thread's new replies to the one who started it");
    String panel = ada.fragment("/rooms/" + room + "/threads/1").body();
    assertTrue(panel.contains("the parser") && panel.contains("Also send to the room"), panel);
    String page = ada.page("/rooms/" + room).body();
    assertFalse(page.contains("thread-badge on"), "opening the thread read it");
    assertFalse(page.contains("the parser"), "replies stay in the thread");
    assertTrue(page.contains("also for everyone"));
    assertTrue(page.contains("3 replies"));
    assertEquals(
        400,
        ada.post(
                "/api/rooms/" + room + "/messages",
                "{\"body\":\"x\",\"clientMsgId\":\"t-9\",\"threadOf\":2}")
            .statusCode(),
        "a reply cannot start a thread");
  }

  @Test
  void pinsAreListedAndModeratorsCanKeepPinningToThemselves() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("pins"), "public");
    bob.join(room);
    ada.postMessage(room, "the release checklist", "p-1");
    assertEquals(
        303, bob.form("/rooms/" + room + "/messages/1/pin", "pinned=true", false).statusCode());
    String pins = bob.page("/rooms/" + room + "/pins").body();
    assertTrue(pins.contains("the release checklist") && pins.contains("pinned by"), pins);
    assertEquals(
        303, ada.form("/rooms/" + room + "/pinning", "moderatorsOnly=true", false).statusCode());
    assertEquals(
        403, bob.send("DELETE", "/api/rooms/" + room + "/messages/1/pin", null).statusCode());
    assertEquals(
        200, ada.send("DELETE", "/api/rooms/" + room + "/messages/1/pin", null).statusCode());
    assertTrue(ada.fragment("/rooms/" + room + "/pins").body().contains("Nothing is pinned"));
  }

  @Test
  void withoutScriptsEditingIsAFormPage() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("forms"), "public");
    ada.postMessage(room, "first <draft>", "c-1");
    String page = ada.page("/rooms/" + room + "/messages/1/edit").body();
    assertTrue(page.contains("first &lt;draft&gt;</textarea>"), page);
    assertEquals(
        303,
        ada.form("/rooms/" + room + "/messages/1/edit", "body=final&clientChangeId=e-1", false)
            .statusCode());
    assertTrue(ada.page("/rooms/" + room).body().contains("<p>final</p>"));
    // The owner moderates the room, so sees the earlier version; a member does not.
    var versions = ada.get("/api/rooms/" + room + "/messages/1/edits");
    assertEquals(200, versions.statusCode(), versions.body());
    assertTrue(versions.body().contains("first <draft>"), versions.body());
    assertTrue(
        ada.page("/rooms/" + room + "/messages/1/edits").body().contains("first &lt;draft&gt;"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    bob.join(room);
    assertEquals(403, bob.get("/api/rooms/" + room + "/messages/1/edits").statusCode());
    assertTrue(ada.page("/rooms/" + room + "/messages/1/react").body().contains("Smileys"));
    String menu = ada.fragment("/rooms/" + room + "/messages/1/menu").body();
    assertTrue(
        menu.contains("class=\"edit\"") && menu.contains("Delete"), "the author's menu: " + menu);
    TestUser cy = Parley.signIn(Parley.unique("Cy"));
    String theirs = cy.fragment("/rooms/" + room + "/messages/1/menu").body();
    assertTrue(theirs.contains("React with") && !theirs.contains("Delete"), theirs);
    assertTrue(ada.page("/rooms/" + room + "/messages/1/menu").body().contains("Message actions"));
    String form = ada.fragment("/rooms/" + room + "/messages/1/edit").body();
    assertTrue(form.startsWith("<form") && form.contains("edit-form"), form);
    String cancelled = ada.fragment("/rooms/" + room + "/messages/1").body();
    assertTrue(cancelled.startsWith("<article") && cancelled.contains("<p>final</p>"), cancelled);
  }

  @Test
  void aModeratorRemovesAMessageLiveAndTheAuditLogKeepsIt() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    TestUser cy = Parley.signIn(Parley.unique("Cy"));
    String room = ada.createRoom(Parley.unique("moderated"), "public");
    bob.join(room);
    cy.join(room);
    bob.postMessage(room, "buy cheap watches", "s-1");
    assertFalse(
        cy.fragment("/rooms/" + room + "/messages/1/menu").body().contains("class=\"remove\""),
        "a member is not offered removal");
    assertTrue(
        ada.fragment("/rooms/" + room + "/messages/1/menu").body().contains("class=\"remove\""));
    assertEquals(
        403,
        cy.post("/api/rooms/" + room + "/messages/1/removal", "{\"reason\":\"mine\"}")
            .statusCode());
    try (LiveSocket live = LiveSocket.open(cy).resume(room, 1, 0).ready()) {
      var removed =
          ada.form("/rooms/" + room + "/messages/1/remove", "reason=spam&clientChangeId=m-1", true);
      assertEquals(204, removed.statusCode(), removed.body());
      String frame = live.await(f -> f.contains(msgId(room, 1)), WAIT);
      assertTrue(frame.contains("removed by a moderator"), frame);
      assertFalse(frame.contains("watches"), frame);
    }
    JsonObject stored = Parley.json(bob.get("/api/rooms/" + room + "/messages/1").body());
    assertTrue(stored.getBoolean("deleted"));
    assertEquals("", stored.getString("body"));
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    var log = admin.get("/api/admin/audit?limit=50");
    assertEquals(200, log.statusCode(), log.body());
    JsonObject entry =
        Parley.json("{\"a\":" + log.body() + "}")
            .getJsonArray("a")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(
                e ->
                    room.equals(e.getString("roomId", null))
                        && e.getString("action").equals("message.removed"))
            .findFirst()
            .orElseThrow();
    assertEquals("spam", entry.getString("reason"));
    assertEquals("buy cheap watches", entry.getJsonObject("detail").getString("text"));
    assertEquals(403, ada.get("/api/admin/audit").statusCode(), "admins only");
  }
}
