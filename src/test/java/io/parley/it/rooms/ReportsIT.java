package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reports on a real server: filed from the message menu or the API, a live count on the room
 * moderators' pages, handled from the queue (page or API) with the effect live, the reporter told
 * the outcome, everything in the audit log; people who moderate nothing learn nothing.
 */
class ReportsIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static List<JsonObject> list(TestUser who, String path) {
    var response = who.get(path);
    assertEquals(200, response.statusCode(), response.body());
    return Parley.json("{\"a\":" + response.body() + "}")
        .getJsonArray("a")
        .getValuesAs(JsonObject.class);
  }

  @Test
  void aReportGoesFromTheMenuToTheQueueAndItsOutcomeBackToTheReporter() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser mod = Parley.signIn(Parley.unique("Mod"));
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser troll = Parley.signIn(Parley.unique("Troll"));
    TestUser elsewhere = Parley.signIn(Parley.unique("Elsewhere"));
    String room = owner.createRoom(Parley.unique("reported"), "public");
    elsewhere.createRoom(Parley.unique("other place"), "public");
    for (TestUser u : List.of(mod, ada, troll)) {
      u.join(room);
    }
    owner.post(
        "/api/rooms/" + room + "/moderation",
        "{\"action\":\"promote\",\"username\":" + Parley.quote(mod.username()) + "}");
    assertEquals(201, troll.postMessage(room, "buy cheap watches", "t-1").statusCode());

    // The menu offers "Report" on someone else's message, not on one's own.
    String menu = ada.page("/rooms/" + room + "/messages/1/menu").body();
    assertTrue(menu.contains("/messages/1/report"), menu);
    assertTrue(!troll.page("/rooms/" + room + "/messages/1/menu").body().contains("/report\""));

    try (LiveSocket modPage = LiveSocket.open(mod).resume(room, 0).ready();
        LiveSocket adaPage = LiveSocket.open(ada).resume(room, 0).ready()) {
      var filed = ada.form("/rooms/" + room + "/messages/1/report", "reason=spam", true);
      assertEquals(200, filed.statusCode(), filed.body());
      assertTrue(filed.body().contains("Reported."), filed.body());
      String count = modPage.await(f -> f.contains("reports-link"), WAIT);
      assertTrue(count.contains(">1<"), "the moderator's page shows one open report: " + count);

      var again = ada.post("/api/rooms/" + room + "/messages/1/reports", "{\"reason\":\"again\"}");
      assertEquals(200, again.statusCode(), "once per person: " + again.body());

      // Who sees the queue: the room's moderators; nobody else learns that it exists.
      List<JsonObject> queue = list(mod, "/api/reports");
      assertEquals(1, queue.size());
      assertEquals("spam", queue.get(0).getString("reason"));
      assertEquals(1, list(owner, "/api/reports").size());
      assertEquals(List.of(), list(elsewhere, "/api/reports"), "another room's owner");
      assertEquals(404, ada.get("/api/reports").statusCode());
      assertEquals(404, ada.page("/reports").statusCode());
      String link = ada.page("/reports/link").body();
      assertTrue(link.contains("reports-link") && !link.contains("href=\"/reports\""), link);

      String page = mod.page("/reports").body();
      assertTrue(page.contains("buy cheap watches") && page.contains("spam"), page);
      String id = queue.get(0).getString("id");
      var handled =
          mod.form(
              "/reports",
              "id=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&action=delete&note=ads",
              false);
      assertEquals(200, handled.statusCode(), handled.body());
      assertTrue(handled.body().contains("Handled: the message was removed"), handled.body());

      // The removal reaches every page first (the room's change), then the reporter's notice.
      adaPage.await(f -> f.contains("removed by a moderator"), WAIT);
      String told = adaPage.await(f -> f.contains("Your report was handled"), WAIT);
      assertTrue(told.contains("the message was removed"), told);
      modPage.await(f -> f.contains("reports-link") && !f.contains(">1<"), WAIT);
    }
    assertEquals(
        "the message was removed", list(ada, "/api/reports/mine").get(0).getString("outcome"));
    assertEquals(List.of(), list(mod, "/api/reports"));

    // From the API: mute the author of a second reported message for an hour.
    assertEquals(201, troll.postMessage(room, "more ads", "t-2").statusCode());
    var second = ada.post("/api/rooms/" + room + "/messages/2/reports", "{\"reason\":\"ads\"}");
    assertEquals(201, second.statusCode(), second.body());
    String secondId = Parley.json(second.body()).getString("id");
    assertEquals(
        404,
        ada.post(
                "/api/reports/handle",
                "{\"id\":" + Parley.quote(secondId) + ",\"action\":\"dismiss\"}")
            .statusCode(),
        "a member cannot handle reports");
    var muted =
        mod.post(
            "/api/reports/handle",
            "{\"id\":" + Parley.quote(secondId) + ",\"action\":\"mute\",\"minutes\":60}");
    assertEquals(200, muted.statusCode(), muted.body());
    assertTrue(
        Parley.json(muted.body()).getString("outcome").startsWith("its author was muted until"));
    assertEquals(403, troll.postMessage(room, "let me", "t-3").statusCode());

    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    List<String> actions =
        list(admin, "/api/admin/audit?limit=200").stream()
            .filter(e -> room.equals(e.getString("roomId", "")))
            .map(e -> e.getString("action"))
            .toList();
    assertTrue(
        actions.containsAll(
            List.of("report.filed", "report.acted", "message.removed", "room.mute")),
        actions.toString());
  }
}
