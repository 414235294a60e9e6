package io.parley.it.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import io.parley.testing.WebhookReceiver;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Commands typed in the composer, over the socket and the page's form: answered only to their
 * author (nothing stored), or turned into a message.
 */
class SlashCommandsIT {

  @Test
  void commandsActAndAnswerOnlyTheirAuthorOverTheSocket() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("cmds"), "private");
    try (LiveSocket a = LiveSocket.open(ada).ready()) {
      a.sendMessage(room, "/invite @" + bob.username(), "c-1");
      String status = a.awaitStatus();
      assertTrue(status.contains("class=\"status notice\""), status);
      assertTrue(status.contains("Added @" + bob.username()), status);
      assertTrue(status.contains("data-client-msg-id=\"c-1\""), "settles the outbox entry");

      a.sendMessage(room, "/topic Ship it Friday", "c-2");
      assertTrue(a.awaitStatus().contains("Topic set."));
      a.sendMessage(room, "/me waves", "c-3");
      assertTrue(a.awaitStatus().contains("data-seq=\"1\""), "a message, acknowledged");
      a.sendMessage(room, "/mute @" + bob.username() + " forever", "c-4");
      String refused = a.awaitStatus();
      assertTrue(refused.contains("class=\"status error\""), refused);
      assertTrue(refused.contains("10m, 2h or 1d"), refused);
    }
    List<JsonObject> history = ada.history(room, "");
    assertEquals(1, history.size(), "only /me was stored: " + history);
    assertEquals("*waves*", history.get(0).getString("body"));
    assertTrue(ada.page("/rooms/" + room).body().contains("Ship it Friday"));
    assertEquals(
        201,
        bob.postMessage(room, "thanks for the invite", "b-1").statusCode(),
        "bob was added by /invite");
  }

  @Test
  void aCustomCommandCallsItsUrlAndAnswersOnlyItsCaller() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
      String name = "ticket" + Parley.unique("").strip().substring(0, 6);
      var made =
          admin.post(
              "/api/admin/commands",
              "{\"name\":\""
                  + name
                  + "\",\"description\":\"open a ticket\",\"url\":"
                  + Parley.quote(receiver.url("/cmd"))
                  + "}");
      assertEquals(201, made.statusCode(), made.body());
      String secret = Parley.json(made.body()).getString("secret");
      TestUser ada = Parley.signIn(Parley.unique("Ada"));
      String room = ada.createRoom(Parley.unique("tickets"), "public");
      assertTrue(ada.page("/rooms/" + room).body().contains("data-command=\"" + name + "\""));
      receiver.answer(200, "{\"text\":\"Ticket T-9 opened\"}");
      try (LiveSocket a = LiveSocket.open(ada).ready()) {
        a.sendMessage(room, "/" + name + " printer on fire", "t-1");
        String status = a.awaitStatus();
        assertTrue(status.contains("Ticket T-9 opened"), status);
        assertTrue(status.contains("data-client-msg-id=\"t-1\""), status);
      }
      WebhookReceiver.Call call = receiver.next(java.time.Duration.ofSeconds(5));
      assertTrue(WebhookReceiver.verifies(secret, call));
      assertTrue(call.body().contains("printer on fire"), call.body());
      assertEquals(0, ada.history(room, "").size(), "nothing was posted");
      assertEquals(204, admin.send("DELETE", "/api/admin/commands/" + name, null).statusCode());
    }
  }

  @Test
  void aCommandPostedByTheFormAnswersWithAPageAndStoresNothing() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("form cmds"), "public");
    var page = ada.form("/rooms/" + room + "/messages", "body=%2Fhelp&clientMsgId=f-1", false);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("Commands: /me waves"), page.body());
    var htmx = ada.form("/rooms/" + room + "/messages", "body=%2Fshrug&clientMsgId=f-2", true);
    assertEquals(204, htmx.statusCode(), htmx.body());
    List<JsonObject> history = ada.history(room, "");
    assertEquals(1, history.size());
    assertTrue(history.get(0).getString("body").endsWith("(ツ)\\_/¯"), history.toString());
  }
}
