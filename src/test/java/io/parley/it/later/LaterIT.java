package io.parley.it.later;

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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saved messages, reminders and send later against the running server. */
class LaterIT {

  @Test
  void savedMessagesArePrivateListedAndRemovable() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("saved"), "public");
    bob.join(room);
    assertEquals(201, ada.postMessage(room, "the deploy checklist", "s-1").statusCode());

    assertEquals(204, bob.send("PUT", "/api/me/saved/" + room + "/1", null).statusCode());
    List<JsonObject> mine =
        Parley.json("{\"a\":" + bob.get("/api/me/saved").body() + "}")
            .getJsonArray("a")
            .getValuesAs(JsonObject.class);
    assertEquals(1, mine.size());
    assertEquals("the deploy checklist", mine.get(0).getString("excerpt"));
    assertEquals("[]", ada.get("/api/me/saved").body(), "private to bob");
    assertTrue(
        bob.fragment("/rooms/" + room + "/messages/1/menu").body().contains("Remove from saved"));
    String page = bob.page("/saved").body();
    assertTrue(page.contains("the deploy checklist"), page);
    assertEquals(404, bob.send("PUT", "/api/me/saved/" + room + "/99", null).statusCode());

    // The menu's form, as htmx posts it, and without scripts.
    var removed = bob.form("/rooms/" + room + "/messages/1/save", "saved=false", true);
    assertEquals(200, removed.statusCode(), removed.body());
    assertEquals("[]", bob.get("/api/me/saved").body());
    assertEquals(
        303, bob.form("/rooms/" + room + "/messages/1/save", "saved=true", false).statusCode());
    assertEquals(1, bob.page("/saved").body().split("class=\"message-ref\"").length - 1);
  }

  @Test
  void aReminderFiresOnceOnThePersonsOpenPage() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("remind"), "private");
    assertEquals(201, ada.postMessage(room, "renew the certificate", "r-1").statusCode());
    try (LiveSocket page = LiveSocket.open(ada).ready()) {
      var made =
          ada.post(
              "/api/me/reminders",
              "{\"roomId\":\""
                  + room
                  + "\",\"seq\":1,\"at\":\""
                  + Instant.now().plusSeconds(2)
                  + "\"}");
      assertEquals(201, made.statusCode(), made.body());
      String notice = page.await(f -> f.contains("Reminder:"), Duration.ofSeconds(20));
      assertTrue(notice.contains("renew the certificate"), notice);
      assertTrue(notice.contains("/rooms/" + room), notice);
      List<String> more = page.drain(Duration.ofSeconds(3));
      assertFalse(more.stream().anyMatch(f -> f.contains("Reminder:")), "fired once: " + more);
    }
    String listed = ada.get("/api/me/reminders").body();
    assertTrue(listed.contains("\"firedAt\":\"20"), listed);
    assertTrue(ada.page("/later").body().contains("Reminded you"));
    String id =
        Parley.json("{\"a\":" + listed + "}").getJsonArray("a").getJsonObject(0).getString("id");
    assertEquals(204, ada.send("DELETE", "/api/me/reminders/" + id, null).statusCode());
    assertEquals("[]", ada.get("/api/me/reminders").body());
  }

  @Test
  void aScheduledMessageIsSentAtItsTimeAndARemovedAuthorSendsNothing() throws Exception {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("later"), "public");
    bob.join(room);
    // From the composer's form: a time typed in the person's own time zone.
    String at =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .format(Instant.now().plusSeconds(3600).atZone(ZoneOffset.ofHours(1)));
    var form =
        ada.form(
            "/rooms/" + room + "/later",
            "body="
                + enc("weekly report is due")
                + "&when=custom&at="
                + enc(at)
                + "&zone="
                + enc("+01:00"),
            true);
    assertEquals(200, form.statusCode(), form.body());
    assertEquals("parley-scheduled", form.headers().firstValue("HX-Trigger").orElse(""));
    assertTrue(ada.page("/later").body().contains("weekly report is due"));
    String id =
        Parley.json("{\"a\":" + ada.get("/api/me/scheduled").body() + "}")
            .getJsonArray("a")
            .getJsonObject(0)
            .getString("id");
    // Brought forward to now + 2 s through the API.
    var changed =
        ada.send(
            "PATCH",
            "/api/me/scheduled/" + id,
            "{\"sendAt\":\"" + Instant.now().plusSeconds(2) + "\"}");
    assertEquals(200, changed.statusCode(), changed.body());
    var bobs =
        bob.post(
            "/api/me/scheduled",
            "{\"roomId\":\""
                + room
                + "\",\"body\":\"never sent\",\"sendAt\":\""
                + Instant.now().plusSeconds(2)
                + "\"}");
    assertEquals(201, bobs.statusCode(), bobs.body());
    assertEquals(204, bob.post("/api/rooms/" + room + "/leave", "").statusCode());

    List<JsonObject> history = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      history = ada.history(room, "");
      if (!history.isEmpty() && bob.get("/api/me/scheduled").body().contains("failure\":\"")) {
        break;
      }
      Thread.sleep(250);
    }
    assertEquals(1, history.size(), "only ada's was sent: " + history);
    assertEquals("weekly report is due", history.get(0).getString("body"));
    assertEquals("[]", ada.get("/api/me/scheduled").body());
    String failed = bob.get("/api/me/scheduled").body();
    assertTrue(failed.contains("\"failure\":\""), "bob's stays, saying why: " + failed);
    Thread.sleep(1500);
    assertEquals(1, ada.history(room, "").size(), "and is not tried again");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
