package io.parley.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attacks that must fail: cross-site form posts, MongoDB operators in every parameter, reading or
 * writing where one does not belong. Each is refused or taken as plain text; nothing leaks.
 */
class AttackIT {

  private static final List<String> OPERATORS =
      List.of("{\"$gt\":\"\"}", "{\"$where\":\"sleep(2000)\"}", "$gt", "$where", "{\"$ne\":null}");

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> form(
      TestUser user, String path, String body, String origin, String fetchSite) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path))
            .header("Cookie", "parley_token=" + user.token())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      b.header("Origin", origin);
    }
    if (fetchSite != null) {
      b.header("Sec-Fetch-Site", fetchSite);
    }
    return Parley.send(b.build());
  }

  @Test
  void crossSiteFormPostsAreRefusedAndChangeNothing() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String name = Parley.unique("forged room");
    String body = "name=" + enc(name) + "&type=public";
    assertEquals(403, form(ada, "/rooms", body, "https://evil.example", null).statusCode());
    assertEquals(403, form(ada, "/rooms", body, null, "cross-site").statusCode());
    assertEquals(403, form(ada, "/rooms", body, null, "same-site").statusCode());
    assertFalse(ada.page("/rooms").body().contains(name), "no room was created");
    assertEquals(
        303,
        form(ada, "/rooms", body, Parley.baseUrl(), "same-origin").statusCode(),
        "the page's own form still works");
  }

  @Test
  void signInFollowsOnlyLocalNextPaths() {
    for (String next : List.of("https://evil.example/x", "//evil.example", "/\\evil.example")) {
      var r =
          Parley.send(
              HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/sign-in"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "name=" + enc(Parley.unique("Nav")) + "&next=" + enc(next)))
                  .build());
      assertEquals(303, r.statusCode());
      assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/rooms"), next);
    }
  }

  @Test
  void operatorsInEveryParameterAreRefusedOrPlainText() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String secret = ada.createRoom(Parley.unique("secret"), "private");
    ada.postMessage(secret, "the launch code is 0000", "s-1");
    String open = ada.createRoom(Parley.unique("open"), "public");
    eve.join(open);
    for (String op : OPERATORS) {
      String e = enc(op);
      for (String path :
          List.of(
              "/api/rooms/" + e + "/messages",
              "/api/rooms/" + open + "/messages?before=" + e,
              "/api/rooms/" + open + "/messages?after=" + e,
              "/api/rooms/" + open + "/messages?limit=" + e,
              "/api/rooms?scope=" + e)) {
        var r = eve.get(path);
        assertTrue(List.of(400, 404).contains(r.statusCode()), path + " -> " + r.statusCode());
        assertFalse(r.body().contains("launch code"), path);
      }
      var room = eve.post("/api/rooms", "{\"name\":" + op + ",\"type\":\"public\"}");
      assertTrue(
          room.statusCode() == 400 || room.body().contains("\"name\":" + Parley.quote(op)),
          "a name is a string or refused: " + room.body());
      var dm = eve.post("/api/direct", "{\"usernames\":[" + op + "]}");
      assertTrue(List.of(400, 404).contains(dm.statusCode()), dm.body());
      var post =
          eve.post(
              "/api/rooms/" + open + "/messages",
              "{\"body\":" + op + ",\"clientMsgId\":" + op + "}");
      assertTrue(List.of(201, 400).contains(post.statusCode()), post.body());
      assertEquals(404, eve.post("/api/rooms/" + e + "/join", "").statusCode());
      assertEquals(
          404,
          form(eve, "/rooms/" + e + "/messages", "body=hi&clientMsgId=x1", null, null)
              .statusCode());
      assertEquals(
          404, form(eve, "/direct", "username=" + e, Parley.baseUrl(), "same-origin").statusCode());
    }
    try (LiveSocket s = LiveSocket.open(eve)) {
      for (String op : OPERATORS) {
        if (op.startsWith("{")) {
          s.send("{\"type\":\"resume\",\"roomId\":" + op + ",\"afterSeq\":0}");
          s.send("{\"type\":\"send\",\"roomId\":" + op + ",\"body\":\"x\",\"clientMsgId\":\"c\"}");
        }
      }
      List<String> frames = s.drain(Duration.ofMillis(1500));
      assertTrue(frames.stream().anyMatch(f -> f.contains("status error")), "refused");
      assertFalse(frames.stream().anyMatch(f -> f.contains("launch code")), "nothing leaked");
    }
    assertEquals(1, ada.history(secret, "").size(), "the secret room is untouched");
  }

  @Test
  void oversizedBodiesAreRefusedWithoutStoringAnything() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("big"), "public");
    String huge = "{\"body\":\"" + "x".repeat(200_000) + "\",\"clientMsgId\":\"big-1\"}";
    var sized = ada.post("/api/rooms/" + room + "/messages", huge);
    assertEquals(413, sized.statusCode());
    var chunked =
        Parley.send(
            HttpRequest.newBuilder(
                    URI.create(Parley.baseUrl() + "/api/rooms/" + room + "/messages"))
                .header("Authorization", "Bearer " + ada.token())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new java.io.ByteArrayInputStream(
                                huge.getBytes(StandardCharsets.UTF_8))))
                .build());
    assertTrue(chunked.statusCode() >= 400, "chunked: " + chunked.statusCode());
    assertEquals(0, ada.history(room, "").size(), "nothing stored");
  }

  @Test
  void strangersNeitherReadNorWriteAPrivateRoom() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String name = Parley.unique("board");
    String secret = ada.createRoom(name, "private");
    ada.postMessage(secret, "confidential", "c-1");
    assertEquals(404, eve.get("/api/rooms/" + secret + "/messages").statusCode());
    assertEquals(404, eve.postMessage(secret, "let me in", "e-1").statusCode());
    assertEquals(404, eve.post("/api/rooms/" + secret + "/join", "").statusCode());
    var page = eve.page("/rooms/" + secret);
    assertEquals(404, page.statusCode());
    assertFalse(page.body().contains(name) || page.body().contains("confidential"));
    try (LiveSocket s = LiveSocket.open(eve)) {
      s.resume(secret, 0);
      s.sendMessage(secret, "sneaky", "e-2");
      List<String> frames = s.drain(Duration.ofMillis(1500));
      assertFalse(frames.stream().anyMatch(f -> f.contains("confidential")));
      assertTrue(frames.stream().anyMatch(f -> f.contains("no such room")), frames.toString());
    }
    assertEquals(1, ada.history(secret, "").size());
  }
}
