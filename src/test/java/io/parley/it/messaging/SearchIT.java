package io.parley.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Search on a real server: messages posted through the API are found through the API, the results
 * page and the search box's dropdown, only in rooms the searcher is in now, edited ones by their
 * new text only, deleted ones never.
 */
class SearchIT {

  private static final Random RANDOM = new Random();

  /** A word no other test writes, so results are this test's alone. */
  private static String word() {
    StringBuilder b = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      b.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return b.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonObject search(TestUser who, String q) {
    var response = who.get("/api/search?q=" + enc(q));
    assertEquals(200, response.statusCode(), response.body());
    return Parley.json(response.body());
  }

  private static List<Integer> seqs(JsonObject results) {
    return results.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
        .map(h -> h.getInt("seq"))
        .sorted()
        .toList();
  }

  /** Searches until the result satisfies {@code done} (the index follows within a second). */
  private static JsonObject awaitSearch(TestUser who, String q, Predicate<List<Integer>> done) {
    JsonObject last = null;
    for (int i = 0; i < 100; i++) {
      last = search(who, q);
      if (done.test(seqs(last))) {
        return last;
      }
      Parley.sleep(100);
    }
    return last;
  }

  @Test
  void findsByPrefixOnlyInRoomsTheSearcherIsIn() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String w = word();
    String shared = ada.createRoom(Parley.unique("search shared"), "public");
    bob.join(shared);
    String secret = ada.createRoom(Parley.unique("search secret"), "private");
    assertEquals(
        201, ada.postMessage(shared, "Deploying " + w + "ment tonight", "s1").statusCode());
    assertEquals(201, ada.postMessage(secret, "secret " + w + "ment plans", "s2").statusCode());

    String prefix = w.substring(0, 7);
    JsonObject mine = awaitSearch(ada, prefix, s -> s.size() == 2);
    assertEquals(2, mine.getJsonArray("hits").size(), mine.toString());
    JsonObject bobs = awaitSearch(bob, prefix, s -> s.size() == 1);
    assertEquals(List.of(1), seqs(bobs), "only the public room's message");
    JsonObject hit = bobs.getJsonArray("hits").getJsonObject(0);
    assertEquals(shared, hit.getString("roomId"));
    assertTrue(hit.getString("snippet").contains(w + "ment"), hit.toString());
    assertEquals(1, hit.getJsonArray("highlights").size(), hit.toString());
    assertTrue(search(bob, "secret " + prefix).getJsonArray("hits").isEmpty());
    assertTrue(
        search(bob, prefix + " in:\"" + "search secret\"").getJsonArray("hits").isEmpty(),
        "in: never reaches a room the searcher is not in");

    // Stemming through the API: "deploys" finds "Deploying".
    assertEquals(List.of(1), seqs(awaitSearch(bob, "deploys " + w + "ment", s -> s.size() == 1)));

    // Leaving the room takes its messages out of the person's search at once.
    assertEquals(204, bob.post("/api/rooms/" + shared + "/leave", "").statusCode());
    assertTrue(search(bob, prefix).getJsonArray("hits").isEmpty());
    assertEquals(
        403,
        ada.post("/api/rooms/" + ada.openDirect(bob) + "/leave", "").statusCode(),
        "a one-to-one conversation cannot be left");
  }

  @Test
  void anEditedMessageIsFoundByItsNewTextOnlyAndADeletedOneNotAtAll() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("search edits"), "public");
    String before = word();
    String after = word();
    assertEquals(201, ada.postMessage(room, "draft " + before, "e1").statusCode());
    assertEquals(List.of(1), seqs(awaitSearch(ada, before, s -> s.size() == 1)));
    var edited =
        ada.send(
            "PATCH",
            "/api/rooms/" + room + "/messages/1",
            "{\"body\":\"final " + after + "\",\"clientChangeId\":\"e1-edit\"}");
    assertEquals(200, edited.statusCode(), edited.body());
    assertEquals(List.of(1), seqs(awaitSearch(ada, after, s -> s.size() == 1)));
    assertEquals(List.of(), seqs(awaitSearch(ada, before, List::isEmpty)), "old text gone");
    var deleted =
        ada.send("DELETE", "/api/rooms/" + room + "/messages/1?clientChangeId=e1-del", null);
    assertTrue(deleted.statusCode() < 300, deleted.statusCode() + " " + deleted.body());
    assertEquals(List.of(), seqs(awaitSearch(ada, after, List::isEmpty)));
  }

  @Test
  void filtersPinsAndBadInput() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String name = Parley.unique("search filters");
    String room = ada.createRoom(name, "public");
    bob.join(room);
    String w = word();
    assertEquals(201, ada.postMessage(room, w + " from ada", "f1").statusCode());
    assertEquals(201, bob.postMessage(room, w + " from bob", "f2").statusCode());
    awaitSearch(ada, w, s -> s.size() == 2);
    assertEquals(List.of(2), seqs(search(ada, w + " from:" + bob.username())));
    assertEquals(List.of(1, 2), seqs(search(ada, w + " in:\"" + name + "\"")));
    var pinned =
        ada.send("PUT", "/api/rooms/" + room + "/messages/2/pin", "{\"clientChangeId\":\"p1\"}");
    assertEquals(200, pinned.statusCode(), pinned.body());
    assertEquals(List.of(2), seqs(awaitSearch(ada, w + " is:pinned", s -> s.size() == 1)));
    assertEquals(List.of(), seqs(search(ada, w + " before:2000-01-01")));
    assertEquals(List.of(1, 2), seqs(search(ada, w + " after:2000-01-01")));
    assertTrue(search(ada, w + " from:nobody-" + w).getString("notice").contains("Nobody"));

    var bad = ada.get("/api/search?q=" + enc(w + " before:yesterday"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("YYYY-MM-DD"), bad.body());
    assertEquals(
        401,
        Parley.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Parley.baseUrl() + "/api/search?q=" + w))
                    .build())
            .statusCode());
  }

  @Test
  void theResultsPageTheDropdownAndTheJumpEscapeAndLink() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("search pages"), "public");
    String w = word();
    for (int i = 1; i <= 3; i++) {
      assertEquals(201, ada.postMessage(room, "filler " + i, "j" + i).statusCode());
    }
    assertEquals(201, ada.postMessage(room, "<script>alert(1)</script> " + w, "j4").statusCode());
    awaitSearch(ada, w, s -> s.size() == 1);

    var page = ada.page("/search?q=" + enc(w));
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(html.contains("1 message matches."), html);
    assertTrue(html.contains("<mark>" + w + "</mark>"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped");
    assertFalse(html.contains("<script>alert(1)"), "never raw");
    String jump = "/rooms/" + room + "?before=30&amp;at=4#msg-" + room + "-4";
    assertTrue(html.contains(jump), html);

    var dropdown = ada.fragment("/search/suggest?q=" + enc(w.substring(0, 6)));
    assertEquals(200, dropdown.statusCode());
    assertTrue(dropdown.body().contains("<mark>" + w + "</mark>"), dropdown.body());
    assertTrue(dropdown.body().contains("See all results"), dropdown.body());
    assertTrue(
        ada.fragment("/search/suggest?q=" + enc("before:nope")).body().contains("YYYY-MM-DD"),
        "a half-typed filter is explained, not an error page");

    String roomPage = ada.page("/rooms/" + room + "?before=30&at=4").body();
    assertTrue(roomPage.contains("data-jump=\"4\""), roomPage);
    assertTrue(roomPage.contains("id=\"msg-" + room + "-4\""), "the message is on the page");
    assertTrue(roomPage.contains("id=\"msg-" + room + "-1\""), "with those before it");

    var signedOut =
        Parley.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Parley.baseUrl() + "/search?q=x"))
                .build());
    assertTrue(signedOut.statusCode() == 302 || signedOut.statusCode() == 303, "sign in first");
  }
}
