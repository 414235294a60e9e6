package io.parley.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attacks from the security review that used to succeed against a running server, each refused now:
 * a signed-out token that kept working, roles read back from an editable store, a session cookie
 * without flags on the socket upgrade, metrics open to anyone, a log anyone could flood. (The API
 * limit per spelling of a token and the per-user socket limit are attacked in SsoIT, on a server
 * with the default limits; forged Host and X-Forwarded-Proto in RunCommandIT, on the run command's
 * defaults; disguised avatars in ProfileIT.)
 */
class HardeningIT {

  @Test
  void signingOutEndsTheSessionForEveryTokenPageApiAndSocket() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("signout"), "public");
    // The page renews its short-lived token while in use: same session, new token.
    String renewed = renew(ada.token());
    assertNotEquals(ada.token(), renewed);
    TestUser adaRenewed = new TestUser(ada.name(), renewed, ada.baseUrl());
    assertEquals(200, adaRenewed.get("/api/me").statusCode(), "the renewed token works");

    try (LiveSocket open = LiveSocket.open(ada).ready()) {
      HttpResponse<String> out = post("/sign-out", ada.token());
      assertEquals(303, out.statusCode());

      assertEquals(4401, open.awaitClose(Duration.ofSeconds(10)), "the open socket is closed");
      for (TestUser same : List.of(ada, adaRenewed)) {
        assertEquals(401, same.get("/api/me").statusCode(), "API refuses the session's tokens");
        assertEquals(
            401, same.postMessage(room, "after sign-out", "late-1").statusCode(), "no sending");
        HttpResponse<String> page = same.page("/rooms");
        assertEquals(303, page.statusCode(), "pages send it to sign in");
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/sign-in"));
        assertThrows(RuntimeException.class, () -> LiveSocket.open(same), "no new socket");
        assertEquals(401, renewal(same.token()).statusCode(), "and it cannot be renewed");
      }
    }
    TestUser reader = Parley.signIn(Parley.unique("Reader"));
    assertTrue(reader.history(room, "").isEmpty(), "nothing was sent after signing out");
    // Signing in again starts a new session that works.
    TestUser again = Parley.signIn(ada.name());
    assertEquals(200, again.get("/api/me").statusCode());
  }

  @Test
  void rolesComeFromTheVerifiedTokenNeverFromTheStoredRecord() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser victim = Parley.signIn(Parley.unique("Victim"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = owner.createRoom(Parley.unique("roles"), "public");
    victim.join(room);
    eve.join(room);
    assertEquals(404, eve.page("/admin").statusCode());

    // Eve reaches the store and writes the admin and moderator groups into her own record.
    try (MongoClient store =
        MongoClients.create(
            "mongodb://127.0.0.1:" + System.getProperty("parley.mongo.port", "27018"))) {
      var updated =
          store
              .getDatabase("parley")
              .getCollection("users")
              .updateOne(
                  Filters.eq("_id", eve.userId()),
                  Updates.set("groups", List.of("parley-admins", "parley-moderators")));
      assertEquals(1, updated.getModifiedCount(), "the record was edited");
    }

    assertEquals(404, eve.page("/admin").statusCode(), "still no admin console");
    assertEquals(
        403,
        eve.post("/api/admin/users/" + victim.username() + "/disable", "").statusCode(),
        "still no admin API");
    HttpResponse<String> mute =
        eve.post(
            "/api/rooms/" + room + "/moderation",
            "{\"action\":\"mute\",\"username\":" + Parley.quote(victim.username()) + "}");
    assertEquals(403, mute.statusCode(), "still no global moderator: " + mute.body());

    // A token that does carry the group still counts.
    TestUser moderator = Parley.signIn(Parley.baseUrl(), Parley.unique("Mod"), "moderator");
    HttpResponse<String> muted =
        moderator.post(
            "/api/rooms/" + room + "/moderation",
            "{\"action\":\"mute\",\"username\":" + Parley.quote(victim.username()) + "}");
    assertEquals(204, muted.statusCode(), muted.body());
  }

  @Test
  void aPublicRoomCanBeReadBeforeJoiningButNotWrittenTo() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser visitor = Parley.signIn(Parley.unique("Visitor"));
    String room = ada.createRoom(Parley.unique("preview"), "public");
    assertEquals(201, ada.postMessage(room, "welcome, readers", "p-1").statusCode());

    assertEquals(1, visitor.history(room, "").size(), "history over the API");
    assertTrue(visitor.page("/rooms/" + room).body().contains("welcome, readers"), "the page");
    try (LiveSocket socket = LiveSocket.open(visitor).ready()) {
      socket.resume(room, 0);
      assertEquals(1, socket.awaitMessages(room, 1, Duration.ofSeconds(10)).size(), "catch-up");
      socket.send("{\"type\":\"typing\",\"roomId\":" + Parley.quote(room) + "}");
      assertTrue(socket.awaitStatus().contains("join the room before posting in it"), "typing");
    }
    HttpResponse<String> post = visitor.postMessage(room, "drive-by", "v-1");
    assertEquals(403, post.statusCode());
    assertTrue(post.body().contains("join the room before posting in it"), post.body());
    assertEquals(1, ada.history(room, "").size(), "nothing was stored");

    String secret = ada.createRoom(Parley.unique("private"), "private");
    assertEquals(404, visitor.get("/api/rooms/" + secret + "/messages").statusCode());
  }

  @Test
  void theSocketUpgradeSetsNoCookieWithoutFlags() throws IOException {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String answer;
    int port = Integer.parseInt(System.getProperty("parley.http.port", "9080"));
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET /ws HTTP/1.1\r\nHost: localhost:"
                      + port
                      + "\r\nOrigin: http://localhost:"
                      + port
                      + "\r\nCookie: parley_token="
                      + ada.token()
                      + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                      + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      StringBuilder head = new StringBuilder();
      var in = socket.getInputStream();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      answer = head.toString();
    }
    assertTrue(answer.startsWith("HTTP/1.1 101"), answer);
    for (String line : answer.split("\r\n")) {
      if (line.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
        assertTrue(
            line.contains("Secure") && line.contains("HttpOnly") && line.contains("SameSite"),
            "every cookie of the upgrade is Secure, HttpOnly and SameSite: " + line);
      }
    }
  }

  @Test
  void metricsAnswerOnlyTheMetricsReader() {
    assertEquals(401, metrics(null).statusCode(), "anonymous");
    assertEquals(401, metrics("metrics:guess").statusCode(), "a wrong password");
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    HttpResponse<String> withToken =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.httpsUrl() + "/metrics"))
                .header("Authorization", "Bearer " + ada.token())
                .build());
    assertEquals(401, withToken.statusCode(), "a person's token is no metrics reader");
    assertEquals(200, metrics("metrics:" + Parley.METRICS_PASSWORD).statusCode());
  }

  @Test
  void junkTokensDoNotFloodTheLog() throws IOException {
    Path log = Path.of(System.getProperty("parley.server.dir"), "logs", "messages.log");
    long before = Files.size(log);
    for (int i = 0; i < 50; i++) {
      HttpResponse<String> r =
          Parley.send(
              HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/api/rooms"))
                  .header("Authorization", "Bearer junk." + i + ".token")
                  .build());
      assertEquals(401, r.statusCode());
    }
    long grown = Files.size(log) - before;
    assertTrue(grown < 2_000, "50 junk tokens wrote " + grown + " bytes to the log");
  }

  private static HttpResponse<String> metrics(String credentials) {
    var request = HttpRequest.newBuilder(URI.create(Parley.httpsUrl() + "/metrics"));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return Parley.send(request.build());
  }

  private static String renew(String token) {
    HttpResponse<String> response = renewal(token);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("renewInSeconds"), response.body());
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("parley_token="))
        .map(c -> c.substring("parley_token=".length(), c.indexOf(';')))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<String> renewal(String token) {
    return post("/session/renew", token);
  }

  private static HttpResponse<String> post(String path, String token) {
    return Parley.send(
        HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path))
            .header("Cookie", "parley_token=" + token)
            .header("Origin", Parley.baseUrl())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }
}
