package io.parley.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Personal access tokens and bots' tokens against the running server: made once, scoped, accepted
 * by the API and the socket (never by pages), unable to make more tokens, revoked at once.
 */
class AccessTokensIT {

  private static String make(TestUser who, String path, String scopes) {
    var made = who.post(path, "{\"name\":\"script\",\"scopes\":" + scopes + ",\"days\":30}");
    assertEquals(201, made.statusCode(), made.body());
    return Parley.json(made.body()).getString("token");
  }

  @Test
  void aReadTokenReadsAPostTokenPostsNeitherOpensPagesOrMakesTokensAndRevokedTheyStop() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("scripts"), "private");
    TestUser reader =
        new TestUser("reader", make(ada, "/api/me/tokens", "[\"read\"]"), ada.baseUrl());
    TestUser poster =
        new TestUser("poster", make(ada, "/api/me/tokens", "[\"post\"]"), ada.baseUrl());

    assertEquals(ada.userId(), Parley.json(reader.get("/api/me").body()).getString("id"));
    assertEquals(200, reader.get("/api/rooms/" + room + "/messages").statusCode());
    var refused = reader.postMessage(room, "from a read token", "r-1");
    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("may only read"), refused.body());
    assertEquals(201, poster.postMessage(room, "from a post token", "p-1").statusCode());

    var page =
        Parley.send(
            HttpRequest.newBuilder(URI.create(ada.baseUrl() + "/rooms"))
                .header("Authorization", "Bearer " + poster.token())
                .build());
    assertEquals(403, page.statusCode(), "pages take no access tokens");
    assertEquals(
        403,
        poster.post("/api/me/tokens", "{\"name\":\"more\",\"scopes\":[\"post\"]}").statusCode());
    assertEquals(
        403, poster.post("/api/admin/bots", "{\"name\":\"x\"}").statusCode(), "no admin role");

    List<JsonObject> listed =
        Parley.json("{\"a\":" + ada.get("/api/me/tokens").body() + "}")
            .getJsonArray("a")
            .getValuesAs(JsonObject.class);
    assertEquals(2, listed.size());
    assertTrue(listed.stream().allMatch(t -> !t.toString().contains(poster.token().substring(28))));
    assertTrue(listed.stream().anyMatch(t -> !t.isNull("lastUsedAt")), "last use is listed");

    try (LiveSocket socket = LiveSocket.withToken(poster.token()).ready()) {
      socket.sendMessage(room, "over the socket", "s-1");
      assertTrue(socket.awaitStatus().contains("data-seq=\"2\""));
      String id =
          listed.stream()
              .filter(t -> t.getJsonArray("scopes").size() == 2)
              .findFirst()
              .orElseThrow()
              .getString("id");
      assertEquals(204, ada.send("DELETE", "/api/me/tokens/" + id, null).statusCode());
      assertEquals(401, poster.get("/api/me").statusCode(), "refused at once");
      socket.awaitClose(Duration.ofSeconds(10));
    }
    try (LiveSocket readOnly = LiveSocket.withToken(reader.token()).ready()) {
      readOnly.sendMessage(room, "sneaky", "s-2");
      assertTrue(readOnly.awaitStatus().contains("may only read"));
    }
    assertEquals(2, ada.history(room, "").size());
  }

  @Test
  void anAdminTokenAdministersOnlyForAnAdministrator() {
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    admin.get("/api/me"); // the IdP's word on their groups is recorded
    TestUser script =
        new TestUser("ops", make(admin, "/api/me/tokens", "[\"admin\"]"), admin.baseUrl());
    assertEquals(200, script.get("/api/admin/audit?limit=1").statusCode());
    TestUser plain =
        new TestUser("plain", make(admin, "/api/me/tokens", "[\"post\"]"), admin.baseUrl());
    assertEquals(403, plain.get("/api/admin/audit?limit=1").statusCode(), "no admin scope");
    TestUser member = Parley.signIn(Parley.unique("Member"));
    assertEquals(
        403,
        member
            .post("/api/me/tokens", "{\"name\":\"x\",\"scopes\":[\"admin\"],\"days\":1}")
            .statusCode());
  }

  @Test
  void anAdministratorsBotPostsWithItsTokenMarkedAsABot() {
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    var made = admin.post("/api/admin/bots", "{\"name\":\"Release bot\"}");
    assertEquals(201, made.statusCode(), made.body());
    String username = Parley.json(made.body()).getString("username");
    TestUser bot =
        new TestUser(
            "bot",
            make(admin, "/api/admin/bots/" + username + "/tokens", "[\"post\"]"),
            admin.baseUrl());
    String room = admin.createRoom(Parley.unique("releases"), "public");
    assertEquals(
        201,
        admin
            .post(
                "/api/rooms/" + room + "/members", "{\"username\":" + Parley.quote(username) + "}")
            .statusCode());
    var posted = bot.postMessage(room, "v2.0 is out", "b-1");
    assertEquals(201, posted.statusCode(), posted.body());
    String html = admin.page("/rooms/" + room).body();
    Matcher badge =
        Pattern.compile("Release bot</span>\\s*<span class=\"bot-badge\"").matcher(html);
    assertTrue(badge.find(), "its message is marked as a bot's");

    var png = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(
          new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
          "png",
          png);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    var avatar =
        Parley.send(
            HttpRequest.newBuilder(
                    URI.create(admin.baseUrl() + "/api/admin/bots/" + username + "/avatar"))
                .header("Authorization", "Bearer " + admin.token())
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray()))
                .build());
    assertEquals(200, avatar.statusCode(), avatar.body());
    String botId = Parley.json(made.body()).getString("id");
    assertTrue(
        admin.page("/rooms/" + room).body().contains("/users/" + botId + "/avatar?v="),
        "the bot's avatar is shown");

    TestUser member = Parley.signIn(Parley.unique("Member"));
    assertEquals(
        403,
        member
            .post(
                "/api/admin/bots/" + username + "/tokens", "{\"name\":\"x\",\"scopes\":[\"post\"]}")
            .statusCode());
  }
}
