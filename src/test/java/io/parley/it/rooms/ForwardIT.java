package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message's permanent link, and forwarding it to another room or conversation. */
class ForwardIT {

  @Test
  void aPermanentLinkOpensTheRoomAtTheMessageForReadersOnly() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = ada.createRoom(Parley.unique("links"), "private");
    assertEquals(201, ada.postMessage(room, "the plan", "l-1").statusCode());
    var opened = ada.page("/rooms/" + room + "/messages/1");
    assertEquals(303, opened.statusCode());
    String at = opened.headers().firstValue("Location").orElse("");
    assertTrue(at.contains("/rooms/" + room + "?before=") && at.contains("at=1"), at);
    assertEquals(404, eve.page("/rooms/" + room + "/messages/1").statusCode(), "a stranger: 404");
  }

  @Test
  void aForwardQuotesItsAuthorAndNeedsReadingTheOneAndPostingInTheOther() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String source = ada.createRoom(Parley.unique("source"), "public");
    bob.join(source);
    assertEquals(201, ada.postMessage(source, "ship **on Friday**", "f-1").statusCode());
    String dm = bob.openDirect(Parley.signIn(Parley.unique("Cy")));
    String menu = bob.fragment("/rooms/" + source + "/messages/1/forward").body();
    assertTrue(menu.contains("value=\"" + dm + "\""), "the conversation is offered: " + menu);

    var sent =
        bob.form(
            "/rooms/" + source + "/messages/1/forward",
            "to=" + dm + "&comment=" + URLEncoder.encode("see this", StandardCharsets.UTF_8),
            false);
    assertEquals(303, sent.statusCode(), sent.body());
    List<JsonObject> there = bob.history(dm, "");
    assertEquals(1, there.size());
    String body = there.get(0).getString("body");
    assertTrue(body.startsWith("see this\n\n> **Forwarded from " + ada.name()), body);
    assertTrue(body.contains("> ship **on Friday**"), body);
    assertEquals(source + "/1", there.get(0).getJsonObject("metadata").getString("forwardedFrom"));

    String elsewhere = ada.createRoom(Parley.unique("closed"), "private");
    assertEquals(
        404,
        bob.form("/rooms/" + source + "/messages/1/forward", "to=" + elsewhere, false).statusCode(),
        "not into a room bob cannot post in");
    String secret = ada.createRoom(Parley.unique("secret"), "private");
    assertEquals(201, ada.postMessage(secret, "private words", "s-1").statusCode());
    assertEquals(
        404,
        bob.form("/rooms/" + secret + "/messages/1/forward", "to=" + dm, false).statusCode(),
        "not from a room bob cannot read");
    assertEquals(1, bob.history(dm, "").size(), "nothing more was posted");
  }
}
