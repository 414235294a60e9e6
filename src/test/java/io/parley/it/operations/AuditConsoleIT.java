package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin console's audit log on a real server: what gets recorded (sign-in, refused tokens at a
 * bounded rate, room acts with their reasons and client address), filters, paging, and the CSV and
 * JSON Lines exports (themselves audited); nobody but admins learns the console exists.
 */
class AuditConsoleIT {

  private static int refusedEntries(TestUser admin) {
    String page = admin.page("/admin/audit?action=auth.refused").body();
    return page.split("<td>auth.refused</td>", -1).length - 1;
  }

  @Test
  void actsAreRecordedFilteredPagedAndExported() {
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = owner.createRoom(Parley.unique("audited"), "public");
    eve.join(room);
    var muted =
        owner.post(
            "/api/rooms/" + room + "/moderation",
            "{\"action\":\"mute\",\"username\":"
                + Parley.quote(eve.username())
                + ",\"minutes\":10,\"reason\":\"=HYPERLINK(\\\"x\\\")\"}");
    assertEquals(204, muted.statusCode(), muted.body());
    for (int i = 1; i <= 55; i++) {
      owner.post("/api/rooms/" + room + "/slow-mode", "{\"seconds\":" + (i % 2) * 10 + "}");
    }

    // Only admins: everyone else gets the page that does not exist.
    assertEquals(404, owner.page("/admin/audit").statusCode());
    assertEquals(404, owner.page("/admin/audit/export?format=csv").statusCode());

    // Sign-ins are recorded with where they came from.
    String signIns =
        admin.page("/admin/audit?action=auth.sign-in&actor=" + owner.username()).body();
    assertTrue(signIns.contains("<td>auth.sign-in</td>"), signIns);
    assertTrue(signIns.contains("127.0.0.1"), "the client address");

    // A flood of bad tokens leaves at most one entry per source and minute.
    int before = refusedEntries(admin);
    for (int i = 0; i < 20; i++) {
      Parley.send(
          HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/rooms"))
              .header("Cookie", "parley_token=not-a-token-" + i)
              .GET()
              .build());
    }
    int after = refusedEntries(admin);
    assertTrue(after >= 1 && after - before <= 1, before + " -> " + after);

    // Filters and paging: 57 acts in the room (created, mute, 55 slow-mode changes).
    String first = admin.page("/admin/audit?room=" + room).body();
    assertEquals(50, first.split("<tr>", -1).length - 2, "a page of 50 (plus the header row)");
    assertTrue(first.contains("rel=\"next\""), "an older page");
    String second = admin.page("/admin/audit?room=" + room + "&page=1").body();
    assertEquals(7, second.split("<tr>", -1).length - 2);
    assertTrue(second.contains("<td>room.created</td>") && second.contains("<td>room.mute</td>"));
    String mutes = admin.page("/admin/audit?room=" + room + "&action=room.mute").body();
    assertEquals(1, mutes.split("<tr>", -1).length - 2, mutes);
    assertTrue(mutes.contains("until="), "the mute's end");
    assertEquals(400, admin.page("/admin/audit?from=yesterday").statusCode());

    // Exports: every entry the filters select, streamed; formula-looking text defused in CSV.
    var csv = admin.page("/admin/audit/export?format=csv&room=" + room);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    List<String> lines = Arrays.asList(csv.body().split("\r\n"));
    assertEquals("at,action,actor,target,room,reason,detail,node,client", lines.get(0));
    assertEquals(58, lines.size(), "a header and 57 entries");
    assertTrue(csv.body().contains(",\"'=HYPERLINK(\"\"x\"\")\","), csv.body());

    var jsonl = admin.page("/admin/audit/export?format=jsonl&room=" + room + "&action=room.");
    assertEquals(200, jsonl.statusCode());
    List<JsonObject> entries =
        jsonl.body().lines().map(l -> Json.createReader(new StringReader(l)).readObject()).toList();
    assertEquals(57, entries.size());
    assertEquals("room.created", entries.get(entries.size() - 1).getString("action"));
    assertTrue(entries.stream().allMatch(e -> room.equals(e.getString("roomId"))));

    String exports = admin.page("/admin/audit?action=audit.exported").body();
    assertTrue(exports.contains("<td>audit.exported</td>"), "exports are audited too");
  }
}
