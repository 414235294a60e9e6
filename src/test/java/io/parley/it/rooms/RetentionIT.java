package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retention, holds and exports on a real server: messages made old in the store are removed by a
 * run (with their index entries), a person's hold keeps theirs, and exports stream what is left.
 */
class RetentionIT {

  /** Makes the room's messages with these seqs look {@code days} old, straight in the store. */
  private static void age(String room, List<Integer> seqs, int days) {
    try (MongoClient store =
        MongoClients.create(
            "mongodb://127.0.0.1:" + System.getProperty("parley.mongo.port", "27018"))) {
      for (int seq : seqs) {
        var updated =
            store
                .getDatabase("parley")
                .getCollection("messages")
                .updateOne(
                    Filters.eq("roomSeq", room + "/" + seq),
                    Updates.set(
                        "createdAt", Date.from(Instant.now().minus(Duration.ofDays(days)))));
        assertEquals(1, updated.getMatchedCount(), "message " + seq);
      }
    }
  }

  private static List<Integer> seqs(List<JsonObject> messages) {
    return messages.stream().map(m -> m.getInt("seq")).toList();
  }

  @Test
  void aRunRemovesWhatIsDueKeepsWhatIsHeldAndIsAudited() {
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("retention"), "public");
    bob.join(room);
    String w = "zqret" + Long.toString(System.nanoTime(), 36);
    assertEquals(201, ada.postMessage(room, "old " + w + " by ada", "r1").statusCode());
    assertEquals(201, bob.postMessage(room, "old " + w + " by bob", "r2").statusCode());
    assertEquals(201, ada.postMessage(room, "old " + w + " again", "r3").statusCode());
    assertEquals(201, ada.postMessage(room, "new " + w, "r4").statusCode());
    age(room, List.of(1, 2, 3), 40);
    assertEquals(List.of(1, 2, 3, 4), seqs(ada.history(room, "")));

    assertEquals(
        403, ada.send("PUT", "/api/admin/retention/rooms/" + room, "{\"days\":30}").statusCode());
    var set = admin.send("PUT", "/api/admin/retention/rooms/" + room, "{\"days\":30}");
    assertEquals(200, set.statusCode(), set.body());
    assertTrue(set.body().contains("\"" + room + "\":30"), set.body());
    assertEquals(
        400, admin.send("PUT", "/api/admin/holds/people/" + bob.username(), "{}").statusCode());
    var hold =
        admin.send(
            "PUT", "/api/admin/holds/people/" + bob.username(), "{\"reason\":\"matter 2026-17\"}");
    assertEquals(200, hold.statusCode(), hold.body());

    var run = admin.post("/api/admin/retention/run", "");
    assertEquals(200, run.statusCode(), run.body());
    JsonObject counts = Parley.json(run.body());
    assertTrue(counts.getInt("messages") >= 2, run.body()); // other tests' rooms may be due too
    assertEquals(List.of(2, 4), seqs(ada.history(room, "")), "ada's old messages are gone");
    assertEquals(List.of(2, 4), seqs(ada.history(room, "?after=0")), "catch-up steps over them");

    // The index forgot them on this node too.
    List<Integer> found = List.of();
    for (int i = 0; i < 50; i++) {
      found =
          Parley.json(ada.get("/api/search?q=" + w).body())
              .getJsonArray("hits")
              .getValuesAs(JsonObject.class)
              .stream()
              .map(h -> h.getInt("seq"))
              .sorted()
              .toList();
      if (found.equals(List.of(2, 4))) {
        break;
      }
      Parley.sleep(100);
    }
    assertEquals(List.of(2, 4), found);

    String log = admin.page("/admin/audit?action=retention.").body();
    assertTrue(log.contains("retention.run") && log.contains("retention.room"), log);
    assertTrue(admin.page("/admin/audit?action=hold.").body().contains("matter 2026-17"));

    // Lifting the hold lets the next run take bob's old message too.
    assertEquals(
        200, admin.send("DELETE", "/api/admin/holds/people/" + bob.username(), null).statusCode());
    assertEquals(200, admin.post("/api/admin/retention/run", "").statusCode());
    assertEquals(List.of(4), seqs(ada.history(room, "")));
    assertEquals(List.of(4), seqs(ada.history(room, "?after=0")));
    assertEquals(201, ada.postMessage(room, "after retention", "r5").statusCode());
    assertEquals(List.of(4, 5), seqs(ada.history(room, "")), "numbering goes on");
  }

  @Test
  void exportsStreamJsonLinesAndAReadableArchive() {
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("export"), "public");
    for (int i = 1; i <= 5; i++) {
      assertEquals(201, ada.postMessage(room, "line " + i + " <b>bold</b>", "x" + i).statusCode());
    }
    var jsonl = admin.get("/api/admin/export/rooms/" + room);
    assertEquals(200, jsonl.statusCode(), jsonl.body());
    assertTrue(
        jsonl.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
    String[] lines = jsonl.body().split("\n");
    assertEquals(5, lines.length, jsonl.body());
    for (int i = 0; i < 5; i++) {
      JsonObject line = jakarta.json.Json.createReader(new StringReader(lines[i])).readObject();
      assertEquals(i + 1, line.getInt("seq"));
      assertEquals("line " + (i + 1) + " <b>bold</b>", line.getString("body"));
    }
    assertEquals(403, ada.get("/api/admin/export/rooms/" + room).statusCode());
    assertEquals(404, ada.page("/admin/export/rooms/" + room).statusCode());

    var html = admin.page("/admin/export/rooms/" + room + "?format=html");
    assertEquals(200, html.statusCode());
    assertTrue(html.body().contains("line 3 &lt;b&gt;bold&lt;/b&gt;"), html.body());
    assertFalse(html.body().contains("<b>bold"));

    // A person's own messages, found through the index, from the profile's link and the API.
    List<String> mine = List.of();
    for (int i = 0; i < 50 && mine.size() < 5; i++) {
      mine = List.of(ada.get("/api/me/export").body().split("\n"));
      Parley.sleep(100);
    }
    assertEquals(5, mine.size(), String.join("\n", mine));
    var page = ada.page("/export/mine?format=html");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    assertTrue(page.body().contains("line 5"), page.body());
    var byAdmin = admin.get("/api/admin/export/people/" + ada.username());
    assertEquals(5, byAdmin.body().split("\n").length, byAdmin.body());
    String log = admin.page("/admin/audit?action=export.").body();
    assertTrue(log.contains("export.room") && log.contains("export.person"), log);
  }
}
