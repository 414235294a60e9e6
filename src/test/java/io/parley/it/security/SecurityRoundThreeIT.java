package io.parley.it.security;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Round three of the attacks, against the running server: each refused with a clear status and
 * nothing half done, or answered correctly.
 */
class SecurityRoundThreeIT {

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<JsonObject> audit(TestUser admin, int limit) {
    HttpResponse<String> r = admin.get("/api/admin/audit?limit=" + limit);
    assertEquals(200, r.statusCode(), r.body());
    return Parley.json("{\"a\":" + r.body() + "}").getJsonArray("a").getValuesAs(JsonObject.class);
  }

  private static HttpResponse<byte[]> upload(TestUser user, String room, String name, byte[] data) {
    return user.bytes(
        HttpRequest.newBuilder(
                URI.create(Parley.baseUrl() + "/api/rooms/" + room + "/files?name=" + q(name)))
            .header("Content-Type", "application/pdf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(data)));
  }

  @Test
  void aRefusedModerationChangesNothingAndLeavesNoGap() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    String room = owner.createRoom(Parley.unique("mod"), "public");
    eve.join(room);
    String eveName = eve.username();

    var mute =
        owner.post(
            "/api/rooms/" + room + "/moderation",
            "{\"action\":\"mute\",\"username\":\"" + eveName + "\",\"reason\":\"spam\\u0007\"}");
    assertEquals(400, mute.statusCode(), mute.body());
    assertEquals(201, eve.postMessage(room, "still here", "m-1").statusCode(), "not muted");

    var promote =
        owner.post(
            "/api/rooms/" + room + "/moderation",
            "{\"action\":\"promote\",\"username\":\""
                + eveName
                + "\",\"reason\":\""
                + "x".repeat(501)
                + "\"}");
    assertEquals(400, promote.statusCode(), promote.body());
    var slow = eve.post("/api/rooms/" + room + "/slow-mode", "{\"seconds\":30}");
    assertEquals(403, slow.statusCode(), "not promoted: " + slow.body());

    for (String length :
        List.of(
            "\"minutes\":1e9999999999",
            "\"minutes\":1e17",
            "\"minutes\":-1",
            "\"minutes\":9223372036854775807",
            "\"seconds\":9223372036854775807",
            "\"minutes\":0")) {
      var r =
          owner.post(
              "/api/rooms/" + room + "/moderation",
              "{\"action\":\"mute\",\"username\":\"" + eveName + "\"," + length + "}");
      assertEquals(400, r.statusCode(), length + ": " + r.body());
    }
    var page =
        owner.form(
            "/rooms/" + room + "/moderation",
            "action=ban&username=" + q(eveName) + "&customMinutes=1e17",
            false);
    assertEquals(400, page.statusCode());
    assertEquals(201, eve.postMessage(room, "not banned", "m-2").statusCode());

    boolean recorded =
        audit(admin, 500).stream()
            .anyMatch(
                e ->
                    room.equals(e.getString("roomId", null))
                        && List.of("room.mute", "room.promote", "room.ban")
                            .contains(e.getString("action")));
    assertFalse(recorded, "nothing happened, so nothing is in the log");
  }

  @Test
  void theAuditLogAnswersPagesOfFiveHundred() {
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    String room = admin.createRoom(Parley.unique("topics"), "public");
    for (int i = 0; i < 210; i++) {
      var r = admin.send("PATCH", "/api/rooms/" + room, "{\"topic\":\"topic " + i + "\"}");
      assertEquals(200, r.statusCode(), r.body());
    }
    List<JsonObject> page = audit(admin, 500);
    assertTrue(page.size() > 210, "a page of up to 500, not 200: " + page.size());
  }

  @Test
  void farDatesAndDeepNestingAreClearRefusals() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    for (String query :
        List.of("after:+999999999-12-31", "before:-999999999-01-01", "on:99999-01-01")) {
      assertEquals(400, ada.get("/api/search?q=" + q(query)).statusCode(), query);
      assertEquals(400, ada.page("/search?q=" + q(query)).statusCode(), query);
      int suggest = ada.fragment("/search/suggest?q=" + q(query)).statusCode();
      assertTrue(suggest == 200 || suggest == 400, query + " in the dropdown: " + suggest);
    }
    assertEquals(400, admin.page("/admin/audit?to=" + q("+999999999-12-31")).statusCode());
    String room = ada.createRoom(Parley.unique("nest"), "public");
    for (String body : List.of(">".repeat(3990) + " hi", "- ".repeat(1990) + "hi")) {
      var r = ada.postMessage(room, body, "n-" + body.length());
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("nest"), r.body());
    }
    assertEquals(201, ada.postMessage(room, "> quoted\n> - listed", "n-ok").statusCode());
  }

  @Test
  void aLegalHoldKeepsWhatItsPersonDeletesForExports() throws Exception {
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = bob.createRoom(Parley.unique("held"), "public");
    eve.join(room);
    String bobName = bob.username();
    var hold =
        admin.send("PUT", "/api/admin/holds/people/" + bobName, "{\"reason\":\"matter 25\"}");
    assertEquals(200, hold.statusCode(), hold.body());
    try {
      var file = upload(bob, room, "evidence.pdf", "%PDF-1.4 kept".getBytes());
      assertEquals(201, file.statusCode());
      String fileId = Parley.json(new String(file.body())).getString("id");
      var posted =
          bob.post(
              "/api/rooms/" + room + "/messages",
              "{\"body\":\"the first words\",\"clientMsgId\":\"h-1\",\"files\":[\""
                  + fileId
                  + "\"]}");
      assertEquals(201, posted.statusCode(), posted.body());
      long seq = Parley.json(posted.body()).getJsonNumber("seq").longValue();
      var edit =
          bob.send(
              "PATCH",
              "/api/rooms/" + room + "/messages/" + seq,
              "{\"body\":\"the second words\"}");
      assertEquals(200, edit.statusCode(), edit.body());
      var deleted = bob.send("DELETE", "/api/rooms/" + room + "/messages/" + seq, null);
      assertEquals(200, deleted.statusCode(), deleted.body());

      JsonObject seen = eve.history(room, "").get(0);
      assertTrue(seen.getBoolean("deleted"), "hidden from people");
      assertEquals(404, eve.bytes(get("/files/" + fileId)).statusCode(), "its file too");

      String export = admin.get("/api/admin/export/rooms/" + room + "?format=jsonl").body();
      assertTrue(export.contains("the second words"), export);
      assertTrue(export.contains("the first words"), "its earlier version: " + export);
      assertTrue(export.contains("\"keptUnderHold\":true"), export);
      assertEquals(200, admin.bytes(get("/files/" + fileId)).statusCode(), "kept for the admin");
      String person = admin.get("/api/admin/export/people/" + bobName + "?format=jsonl").body();
      assertTrue(person.contains("the second words"), person);
    } finally {
      assertEquals(
          200, admin.send("DELETE", "/api/admin/holds/people/" + bobName, null).statusCode());
    }
    String after = admin.get("/api/admin/export/rooms/" + room + "?format=jsonl").body();
    assertFalse(after.contains("the second words"), "released with the hold: " + after);
  }

  private static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path)).GET();
  }

  @Test
  void aGlobalModeratorCannotRemoveAnUnreportedDirectMessage() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    TestUser mod = Parley.signIn(Parley.baseUrl(), Parley.unique("Mod"), "moderator");
    String dm = ada.openDirect(bob);
    var posted = ada.postMessage(dm, "between us", "dm-1");
    long seq = Parley.json(posted.body()).getJsonNumber("seq").longValue();
    var removal = mod.post("/api/rooms/" + dm + "/messages/" + seq + "/removal", "{}");
    assertEquals(403, removal.statusCode(), removal.body());
    assertEquals("between us", bob.history(dm, "").get(0).getString("body"));

    var report =
        bob.post("/api/rooms/" + dm + "/messages/" + seq + "/reports", "{\"reason\":\"threat\"}");
    assertEquals(201, report.statusCode(), report.body());
    var reported = mod.post("/api/rooms/" + dm + "/messages/" + seq + "/removal", "{}");
    assertEquals(200, reported.statusCode(), reported.body());
    JsonObject tombstone = Parley.json(reported.body());
    assertEquals(mod.userId(), tombstone.getString("removedBy"), "the answer names the remover");
    String reportId = Parley.json(report.body()).getString("id");
    var dismissed =
        mod.post("/api/reports/handle", "{\"id\":\"" + reportId + "\",\"action\":\"dismiss\"}");
    assertEquals(200, dismissed.statusCode(), "the queue is left empty: " + dismissed.body());
  }

  @Test
  void archivedHistoryCannotBeDeletedAndReusedChangeIdsAreRechecked() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = owner.createRoom(Parley.unique("arch"), "public");
    eve.join(room);
    long mine = seq(eve.postMessage(room, "eve's", "a-1"));
    long theirs = seq(owner.postMessage(room, "owner's", "a-2"));
    var own =
        eve.send(
            "PATCH",
            "/api/rooms/" + room + "/messages/" + mine,
            "{\"body\":\"eve's, edited\",\"clientChangeId\":\"same\"}");
    assertEquals(200, own.statusCode(), own.body());
    var hijack =
        eve.send(
            "PATCH",
            "/api/rooms/" + room + "/messages/" + theirs,
            "{\"body\":\"mine now\",\"clientChangeId\":\"same\"}");
    assertEquals(403, hijack.statusCode(), hijack.body());
    var delete =
        eve.send(
            "DELETE", "/api/rooms/" + room + "/messages/" + theirs + "?clientChangeId=same", null);
    assertEquals(403, delete.statusCode(), delete.body());

    assertEquals(
        200, owner.post("/api/rooms/" + room + "/archive", "{\"archived\":true}").statusCode());
    var archived = eve.send("DELETE", "/api/rooms/" + room + "/messages/" + mine, null);
    assertEquals(403, archived.statusCode(), archived.body());
    assertFalse(eve.history(room, "").get(0).getBoolean("deleted"));
  }

  private static long seq(HttpResponse<String> posted) {
    assertEquals(201, posted.statusCode(), posted.body());
    return Parley.json(posted.body()).getJsonNumber("seq").longValue();
  }

  @Test
  void filesRevalidateTheirNamesAreNotSpoofedAndRequestsStayWithinTheLimit() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("files"), "public");
    var up = upload(ada, room, "invoice\u202Efdp.exe", "data".getBytes());
    assertEquals(201, up.statusCode(), new String(up.body()));
    JsonObject file = Parley.json(new String(up.body()));
    assertEquals("invoicefdp.exe", file.getString("name"));
    var served = ada.bytes(get("/files/" + file.getString("id")));
    assertEquals(200, served.statusCode());
    String cache = served.headers().firstValue("Cache-Control").orElse("");
    assertTrue(cache.contains("no-cache") && !cache.contains("immutable"), cache);
    String etag = served.headers().firstValue("ETag").orElseThrow();
    var again = ada.bytes(get("/files/" + file.getString("id")).header("If-None-Match", etag));
    assertEquals(304, again.statusCode());

    // A message's files together fit in the file limit: a request past it is refused unread.
    var tooBig =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/rooms/" + room + "/messages"))
                .header("Cookie", "parley_token=" + ada.token())
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[26 * 1024 * 1024 + 70_000]))
                .build());
    assertEquals(413, tooBig.statusCode());
  }

  @Test
  void leavingARoomIsNotCalledARemoval() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = owner.createRoom(Parley.unique("leave"), "public");
    eve.join(room);
    try (LiveSocket socket = LiveSocket.open(eve).ready()) {
      socket.resume(room, 0);
      socket.drain(Duration.ofMillis(500));
      assertEquals(204, eve.post("/api/rooms/" + room + "/leave", "").statusCode());
      List<String> frames = socket.drain(Duration.ofSeconds(2));
      assertFalse(frames.isEmpty(), "the sidebar is redrawn");
      assertTrue(
          frames.stream().noneMatch(f -> f.contains("removed from this room by a moderator")),
          String.join("\n", frames));
    }
  }

  @Test
  void rolesComeFromTheRequestsOwnToken() throws Exception {
    String name = Parley.unique("Dana");
    TestUser plain = Parley.signIn(Parley.baseUrl(), name, "member");
    TestUser asAdmin = Parley.signIn(Parley.baseUrl(), name, "admin");
    String room = asAdmin.createRoom(Parley.unique("roles"), "public");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> admin =
          pool.submit(
              () -> {
                for (int i = 0; i < 150; i++) {
                  asAdmin.get("/api/me");
                }
              });
      int allowed = 0;
      for (int i = 0; i < 150; i++) {
        int status = plain.get("/api/admin/export/rooms/" + room + "?format=jsonl").statusCode();
        if (status == 200) {
          allowed++;
        }
      }
      admin.get();
      assertEquals(0, allowed, "a plain token was let through as an admin " + allowed + " times");
      assertEquals(200, asAdmin.get("/api/admin/export/rooms/" + room).statusCode());
      assertEquals(404, plain.page("/admin/export/rooms/" + room).statusCode());
    } finally {
      pool.shutdownNow();
    }
  }
}
