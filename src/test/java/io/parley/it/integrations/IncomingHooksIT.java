package io.parley.it.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Incoming webhooks against the running server: made on the room's page, posted to over HTTP in
 * JSON, Slack's form and with the secret in a header, delivered live, refused clearly, rotated,
 * listed for admins, deleted, audited.
 */
class IncomingHooksIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Pattern HOOK_URL =
      Pattern.compile("value=\"https?://[^\"]+/hooks/([A-Za-z0-9-]+)/([A-Za-z0-9_-]+)\"");

  /** A hook made on the room's webhooks page: its id and secret, from the URL shown once. */
  record Hook(String id, String secret) {
    String path() {
      return "/hooks/" + id + "/" + secret;
    }
  }

  static Hook create(TestUser moderator, String roomId, String name) {
    HttpResponse<String> page =
        moderator.form(
            "/rooms/" + roomId + "/hooks",
            "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
            false);
    assertEquals(200, page.statusCode(), page.body());
    Matcher m = HOOK_URL.matcher(page.body());
    assertTrue(m.find(), page.body());
    return new Hook(m.group(1), m.group(2));
  }

  static HttpResponse<String> post(
      String path, String contentType, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return Parley.send(b.build());
  }

  static HttpResponse<String> postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  @Test
  void aHooksPostIsStoredDeliveredLiveAndMarkedAsABot() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("deploys"), "public");
    bob.join(room);
    Hook hook = create(ada, room, "CI builds");

    try (LiveSocket b = LiveSocket.open(bob).ready().resume(room, 0)) {
      var sent = postJson(hook.path(), "{\"text\":\"Build **42** passed\"}");
      assertEquals(200, sent.statusCode(), sent.body());
      assertTrue(
          sent.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      JsonObject ack = Parley.json(sent.body());
      assertTrue(ack.getBoolean("ok"));
      assertEquals(room, ack.getString("roomId"));
      long seq = ack.getJsonNumber("seq").longValue();
      String frame = b.await(f -> f.contains("msg-" + room + "-" + seq), WAIT);
      assertTrue(frame.contains("<strong>42</strong>"), "Markdown is formatted: " + frame);
      assertTrue(frame.contains("class=\"bot-badge\""), frame);
      assertTrue(frame.contains(">CI builds</span>"), frame);
    }
    List<JsonObject> history = bob.history(room, "");
    JsonObject stored = history.get(history.size() - 1);
    assertEquals("Build **42** passed", stored.getString("body"));
    assertTrue(stored.getString("senderId").startsWith("hook:"), stored.toString());
  }

  @Test
  void slackPayloadsTheSecretInAHeaderAndIdempotentRetries() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("alerts"), "private");
    Hook hook = create(ada, room, "Monitoring");

    String slack =
        "{\"username\":\"Grafana\",\"attachments\":[{\"title\":\"Disk full\","
            + "\"title_link\":\"https://grafana.example/d/1\",\"text\":\"/var at 98%\","
            + "\"fields\":[{\"title\":\"Host\",\"value\":\"db-1\",\"short\":true}]}]}";
    var form =
        post(
            hook.path(),
            "application/x-www-form-urlencoded",
            "payload=" + URLEncoder.encode(slack, StandardCharsets.UTF_8));
    assertEquals(200, form.statusCode(), form.body());
    var header =
        post(
            "/hooks/" + hook.id(),
            "application/json",
            "{\"text\":\"recovered\"}",
            "X-Parley-Hook-Secret",
            hook.secret(),
            "Idempotency-Key",
            "recovery-1");
    assertEquals(200, header.statusCode(), header.body());
    var retry =
        post(
            "/hooks/" + hook.id(),
            "application/json",
            "{\"text\":\"recovered\"}",
            "X-Parley-Hook-Secret",
            hook.secret(),
            "Idempotency-Key",
            "recovery-1");
    assertEquals(200, retry.statusCode(), retry.body());
    assertTrue(Parley.json(retry.body()).getBoolean("duplicate"));

    List<JsonObject> history = ada.history(room, "");
    assertEquals(2, history.size(), history.toString());
    assertEquals(
        "**[Disk full](https://grafana.example/d/1)**\n/var at 98%\n**Host:** db-1",
        history.get(0).getString("body"));
    String page = ada.page("/rooms/" + room).body();
    assertTrue(page.contains(">Grafana</span>"), "shown under the name it posted as");
  }

  @Test
  void badRequestsGetClearJsonErrorsAndUnknownAndWrongSecretLookAlike() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("errors"), "public");
    Hook hook = create(ada, room, "Tester");

    var unknown = postJson("/hooks/no-such-hook/" + hook.secret(), "{\"text\":\"x\"}");
    var wrong = postJson("/hooks/" + hook.id() + "/not-the-secret", "{\"text\":\"x\"}");
    var none = postJson("/hooks/" + hook.id(), "{\"text\":\"x\"}");
    for (var r : List.of(unknown, wrong, none)) {
      assertEquals(404, r.statusCode(), r.body());
      assertEquals("{\"ok\":false,\"error\":\"no such webhook\"}", r.body());
    }
    assertEquals(400, postJson(hook.path(), "{\"text\": ").statusCode(), "malformed");
    assertEquals(400, postJson(hook.path(), "[1,2]").statusCode(), "not an object");
    assertEquals(400, postJson(hook.path(), "{\"text\": 42}").statusCode(), "text not a string");
    var empty = postJson(hook.path(), "{\"username\":\"x\"}");
    assertEquals(400, empty.statusCode());
    assertTrue(Parley.json(empty.body()).getString("error").contains("no text"), empty.body());
    var long_ = postJson(hook.path(), "{\"text\":\"" + "a".repeat(4001) + "\"}");
    assertEquals(400, long_.statusCode());
    assertTrue(long_.body().contains("at most 4000 characters"), long_.body());
    var huge = postJson(hook.path(), "{\"text\":\"" + "a".repeat(70_000) + "\"}");
    assertEquals(413, huge.statusCode(), "over the 64 KiB body limit");
    var get =
        Parley.send(HttpRequest.newBuilder(URI.create(Parley.baseUrl() + hook.path())).build());
    assertEquals(405, get.statusCode());
    assertEquals(0, ada.history(room, "").size(), "nothing stored by any of these");
    assertEquals(200, postJson(hook.path(), "{\"text\":\"still works\"}").statusCode());
  }

  @Test
  void onlyModeratorsManageHooksRotationRetiresTheOldUrlAndEveryActIsAudited() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("ops"), "public");
    bob.join(room);
    Hook hook = create(ada, room, "Deploy bot");

    assertEquals(403, bob.page("/rooms/" + room + "/hooks").statusCode());
    assertEquals(403, bob.form("/rooms/" + room + "/hooks", "name=Mine", false).statusCode());
    assertEquals(
        403,
        bob.form("/rooms/" + room + "/hooks/" + hook.id() + "/delete", "", false).statusCode(),
        "a member who does not moderate is refused");
    String listed = ada.page("/rooms/" + room + "/hooks").body();
    assertTrue(listed.contains("Deploy bot"), listed);
    assertFalse(listed.contains(hook.secret()), "the secret is shown once only");

    var rotated = ada.form("/rooms/" + room + "/hooks/" + hook.id() + "/rotate", "", false);
    assertEquals(200, rotated.statusCode(), rotated.body());
    Matcher m = HOOK_URL.matcher(rotated.body());
    assertTrue(m.find());
    Hook fresh = new Hook(m.group(1), m.group(2));
    assertEquals(hook.id(), fresh.id());
    assertEquals(404, postJson(hook.path(), "{\"text\":\"old\"}").statusCode());
    assertEquals(200, postJson(fresh.path(), "{\"text\":\"new\"}").statusCode());

    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    String console = admin.page("/admin").body();
    assertTrue(console.contains("admin-hook-" + hook.id()), "the admin console lists it");
    var deleted =
        admin.form("/rooms/" + room + "/hooks/" + hook.id() + "/delete", "next=%2Fadmin", false);
    assertEquals(303, deleted.statusCode(), deleted.body());
    assertEquals(
        "/admin",
        deleted.headers().firstValue("Location").orElse("").replaceAll("^https?://[^/]+", ""));
    assertEquals(404, postJson(fresh.path(), "{\"text\":\"gone\"}").statusCode());
    assertEquals(1, ada.history(room, "").size(), "its message stays");

    var audit = admin.get("/api/admin/audit?limit=200");
    List<String> actions =
        Parley.json("{\"a\":" + audit.body() + "}")
            .getJsonArray("a")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(e -> room.equals(e.getString("roomId", "")))
            .map(e -> e.getString("action"))
            .toList();
    assertTrue(
        actions.containsAll(List.of("hook.created", "hook.secret-rotated", "hook.deleted")),
        actions.toString());
  }
}
