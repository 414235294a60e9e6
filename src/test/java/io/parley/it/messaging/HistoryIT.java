package io.parley.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading history: the API's pages and the room page with its older-messages loader. */
class HistoryIT {

  private static TestUser alice;
  private static String room;

  @BeforeAll
  static void roomWith120Messages() {
    alice = Parley.signIn(Parley.unique("Historian"));
    room = alice.createRoom(Parley.unique("archive"), "public");
    for (int i = 1; i <= 120; i++) {
      assertEquals(201, alice.postMessage(room, "message " + i, "h-" + i).statusCode());
    }
  }

  @Test
  void apiPagesBackwardsAndForwards() {
    assertEquals(range(71, 120), seqs(alice.history(room, "")));
    assertEquals(range(21, 70), seqs(alice.history(room, "?before=71")));
    assertEquals(range(1, 20), seqs(alice.history(room, "?before=21")));
    assertEquals(range(101, 105), seqs(alice.history(room, "?after=100&limit=5")));
    assertEquals(List.of(), seqs(alice.history(room, "?after=120")));
    HttpResponse<String> last = alice.get("/api/rooms/" + room + "/messages?before=21");
    assertFalse(Parley.json(last.body()).getBoolean("hasOlder"));
    assertTrue(
        Parley.json(alice.get("/api/rooms/" + room + "/messages").body()).getBoolean("hasOlder"));
  }

  @Test
  void apiRejectsBadQueries() {
    assertEquals(400, alice.get("/api/rooms/" + room + "/messages?limit=0").statusCode());
    assertEquals(400, alice.get("/api/rooms/" + room + "/messages?limit=5000").statusCode());
    assertEquals(400, alice.get("/api/rooms/" + room + "/messages?before=1&after=2").statusCode());
    assertEquals(
        400, alice.get("/api/rooms/" + room + "/messages?before=%7B%22$gt%22:0%7D").statusCode());
  }

  @Test
  void roomPageShowsTheLatest50AndLoadsOlderPages() {
    String page = page("/rooms/" + room);
    assertEquals(50, count(page, "<article class=\"message"));
    assertTrue(page.contains("id=\"msg-" + room + "-120\" data-seq=\"120\""));
    assertFalse(page.contains("msg-" + room + "-70\""));
    assertTrue(
        page.contains("hx-get=\"/rooms/" + room + "/messages?before=71\""),
        "htmx loader for older");
    assertTrue(
        page.contains("href=\"/rooms/" + room + "?before=71\""), "plain link without scripts");

    String older = page("/rooms/" + room + "/messages?before=71");
    assertEquals(50, count(older, "<article class=\"message"));
    assertTrue(older.contains("msg-" + room + "-21\""));
    assertTrue(older.contains("before=21"));

    String oldest = page("/rooms/" + room + "?before=21");
    assertEquals(20, count(oldest, "<article class=\"message"));
    assertFalse(
        oldest.contains("hx-get=\"/rooms/" + room + "/messages?before="),
        "no older page after seq 1");
  }

  @Test
  void formPostWithoutJavaScriptStoresAndRedirects() {
    String formRoom = alice.createRoom(Parley.unique("forms"), "public");
    HttpResponse<String> response =
        Parley.send(
            HttpRequest.newBuilder(
                    URI.create(Parley.baseUrl() + "/rooms/" + formRoom + "/messages"))
                .header("Cookie", "parley_token=" + alice.token())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "body=posted+without+js&clientMsgId=form-1"))
                .build());
    assertEquals(303, response.statusCode());
    assertEquals(
        "/rooms/" + formRoom,
        response
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceFirst("^https?://[^/]+", ""));
    assertTrue(page("/rooms/" + formRoom).contains("posted without js"));
    assertEquals(1, alice.history(formRoom, "").size());
  }

  private static String page(String path) {
    HttpResponse<String> response =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path))
                .header("Cookie", "parley_token=" + alice.token())
                .build());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private static int count(String html, String needle) {
    return html.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
  }

  private static List<Long> seqs(List<JsonObject> messages) {
    return messages.stream().map(m -> m.getJsonNumber("seq").longValue()).toList();
  }

  private static List<Long> range(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
  }
}
