package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bringing people into a private room, taking them out, leaving; the people directory and profile
 * cards; the room directory with search and paging — on a real server, with the live effects.
 */
class RoomsAndPeopleIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static String add(TestUser actor, String room, TestUser who) {
    return "{\"username\":" + Parley.quote(who.username()) + "}";
  }

  @Test
  void anInvitedPersonSeesThePrivateRoomLiveAndLosesItWhenRemoved() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    TestUser cy = Parley.signIn(Parley.unique("Cy"));
    String name = Parley.unique("private plans");
    String room = owner.createRoom(name, "private");
    assertEquals(201, owner.postMessage(room, "welcome aboard", "p-1").statusCode());
    assertEquals(404, bob.get("/api/rooms/" + room + "/messages").statusCode(), "hidden before");

    try (LiveSocket bobsPage = LiveSocket.open(bob).ready()) {
      var added = owner.post("/api/rooms/" + room + "/members", add(owner, room, bob));
      assertEquals(201, added.statusCode(), added.body());
      String sidebar = bobsPage.await(f -> f.contains(name), WAIT);
      assertTrue(sidebar.contains("/rooms/" + room), "the room appears in Bob's open page");
    }
    assertEquals(200, bob.get("/api/rooms/" + room + "/messages").statusCode());
    assertEquals(
        200,
        owner.post("/api/rooms/" + room + "/members", add(owner, room, bob)).statusCode(),
        "adding again changes nothing");
    assertEquals(
        403,
        bob.post("/api/rooms/" + room + "/members", add(bob, room, cy)).statusCode(),
        "a plain member does not add people");
    assertEquals(
        404,
        cy.post("/api/rooms/" + room + "/members", add(cy, room, cy)).statusCode(),
        "nor does an outsider learn the room exists");
    assertEquals(
        404,
        owner
            .post("/api/rooms/" + room + "/members", "{\"username\":\"nobody-at-all-x\"}")
            .statusCode());

    // Removal takes the room away from Bob's open page at once.
    try (LiveSocket bobsPage = LiveSocket.open(bob).resume(room, 0).ready()) {
      var kicked =
          owner.post(
              "/api/rooms/" + room + "/moderation",
              "{\"action\":\"kick\",\"username\":" + Parley.quote(bob.username()) + "}");
      assertEquals(204, kicked.statusCode(), kicked.body());
      bobsPage.await(f -> f.contains("You were removed from this room"), WAIT);
    }
    assertEquals(404, bob.get("/api/rooms/" + room + "/messages").statusCode());

    // A banned person is not added back until the ban is lifted.
    assertEquals(
        204,
        owner
            .post(
                "/api/rooms/" + room + "/moderation",
                "{\"action\":\"ban\",\"username\":" + Parley.quote(cy.username()) + "}")
            .statusCode());
    assertEquals(
        409, owner.post("/api/rooms/" + room + "/members", add(owner, room, cy)).statusCode());

    // The room page's own form, without scripts, then leaving from the room header.
    var form = owner.form("/rooms/" + room + "/members", "username=" + bob.username(), false);
    assertEquals(303, form.statusCode(), form.body());
    assertTrue(owner.page("/rooms/" + room).body().contains("Add someone"));
    assertFalse(bob.page("/rooms/" + room).body().contains("Add someone"), "members only read");
    assertEquals(303, bob.form("/rooms/" + room + "/leave", "", false).statusCode());
    assertEquals(
        404, bob.get("/api/rooms/" + room + "/messages").statusCode(), "gone after leaving");
  }

  @Test
  void renameTopicUniqueNamesAndGroupConversationsFromTheLobby() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    TestUser cy = Parley.signIn(Parley.unique("Cy"));
    String name = Parley.unique("renamed");
    String room = owner.createRoom(name, "public");
    bob.join(room);
    var taken =
        bob.post(
            "/api/rooms",
            "{\"name\":" + Parley.quote(name.toUpperCase()) + ",\"type\":\"public\"}");
    assertEquals(409, taken.statusCode(), "public names are unique, any case");
    try (LiveSocket bobsPage = LiveSocket.open(bob).resume(room, 0).ready()) {
      var renamed =
          owner.send(
              "PATCH",
              "/api/rooms/" + room,
              "{\"name\":" + Parley.quote(name + " v2") + ",\"topic\":\"<b>plans</b>\"}");
      assertEquals(200, renamed.statusCode(), renamed.body());
      assertTrue(renamed.body().contains("\"topic\":\"<b>plans</b>\""), renamed.body());
      // Bob's open page shows the new name and topic (escaped) at once, header and sidebar.
      bobsPage.await(f -> f.contains("id=\"sidebar\"") && f.contains(name + " v2"), WAIT);
      bobsPage.await(
          f ->
              f.contains("id=\"room-name-" + room + "\">" + name + " v2<")
                  && f.contains("id=\"room-topic-" + room + "\"")
                  && f.contains(">&lt;b&gt;plans&lt;/b&gt;<"),
          WAIT);
    }
    assertEquals(403, bob.send("PATCH", "/api/rooms/" + room, "{\"name\":\"mine\"}").statusCode());
    String page = bob.page("/rooms/" + room).body();
    assertTrue(page.contains(name + " v2"), page);
    assertTrue(page.contains("&lt;b&gt;plans&lt;/b&gt;"), "the topic shows in the header, escaped");
    var form =
        owner.form(
            "/rooms/" + room + "/settings",
            "name=" + URLEncoder.encode(name + " v3", StandardCharsets.UTF_8) + "&topic=",
            false);
    assertEquals(303, form.statusCode(), form.body());
    assertFalse(
        owner.page("/rooms/" + room).body().contains("class=\"room-topic\""),
        "a blank topic removes it");
    assertTrue(owner.page("/rooms/" + room).body().contains(name + " v3 · Parley"), "page title");

    // Bob mutes the room: his sidebar greys it out and its count leaves his title.
    assertEquals(303, bob.form("/rooms/" + room + "/notify", "level=nothing", false).statusCode());
    String lobby = bob.page("/rooms").body();
    assertTrue(lobby.contains("data-notify=\"nothing\""), lobby);
    assertTrue(lobby.contains("muted-room"));
    assertEquals(400, bob.form("/rooms/" + room + "/notify", "level=loud", false).statusCode());
    var api = bob.send("PUT", "/api/rooms/" + room + "/notify", "{\"level\":\"mentions\"}");
    assertEquals(200, api.statusCode(), api.body());
    assertTrue(bob.page("/rooms/" + room).body().contains("value=\"mentions\" selected"));

    // A group conversation from the lobby's form: several usernames.
    var group = owner.form("/direct", "username=" + bob.username() + ",+" + cy.username(), false);
    assertEquals(303, group.statusCode(), group.body());
    String groupRoom =
        group.headers().firstValue("Location").orElseThrow().replaceAll(".*/rooms/", "");
    assertEquals(200, cy.get("/api/rooms/" + groupRoom + "/messages").statusCode(), "Cy is in it");
    // Adding someone to it starts a conversation with everyone.
    TestUser dee = Parley.signIn(Parley.unique("Dee"));
    var bigger =
        owner.form("/rooms/" + groupRoom + "/members", "username=" + dee.username(), false);
    assertEquals(303, bigger.statusCode(), bigger.body());
    String biggerRoom =
        bigger.headers().firstValue("Location").orElseThrow().replaceAll(".*/rooms/", "");
    assertFalse(biggerRoom.equals(groupRoom));
    for (TestUser member : new TestUser[] {bob, cy, dee}) {
      assertEquals(200, member.get("/api/rooms/" + biggerRoom + "/messages").statusCode());
    }
  }

  @Test
  void aModeratorsAtRoomMentionsEveryoneAPlainMembersDoesNot() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    TestUser cy = Parley.signIn(Parley.unique("Cy"));
    String room = owner.createRoom(Parley.unique("all hands"), "public");
    bob.join(room);
    cy.join(room);
    try (LiveSocket bobsPage = LiveSocket.open(bob).resume(room, 0).ready()) {
      assertEquals(201, cy.postMessage(room, "@room look at this", "r-1").statusCode());
      String plain = bobsPage.await(f -> f.contains("look at this"), WAIT);
      assertFalse(plain.contains("mentions-me"), "a plain member's @room is just text");
      assertEquals(201, owner.postMessage(room, "@room standup now", "r-2").statusCode());
      String loud = bobsPage.await(f -> f.contains("standup now"), WAIT);
      assertTrue(loud.contains("mentions-me"), loud);
      assertTrue(loud.contains("<span class=\"mention\">@room</span>"), loud);
    }
    String page = bob.page("/rooms").body();
    assertTrue(page.contains(">@1<"), "one mention counted in Bob's sidebar");
  }

  @Test
  void thePeopleDirectoryFindsPeopleAndTheirCardOffersAConversation() {
    String tag = Parley.unique("Zelda").replace(" ", "");
    TestUser zelda = Parley.signIn(tag);
    TestUser me = Parley.signIn(Parley.unique("Finder"));
    String list =
        me.page("/people?q=" + URLEncoder.encode(tag.substring(0, 9), StandardCharsets.UTF_8))
            .body();
    assertTrue(list.contains(tag), list);
    assertTrue(list.contains("Message " + tag), "a Message button on each card");
    String upper = me.page("/people?q=" + tag.toUpperCase()).body();
    assertTrue(upper.contains(tag), "any case");
    var options = me.fragment("/people/suggest?q=" + tag.substring(0, 9));
    assertTrue(options.body().contains("value=\"" + zelda.username() + "\""), options.body());
    var card = me.page("/people/" + zelda.username());
    assertEquals(200, card.statusCode());
    assertTrue(
        card.body().contains("action=\"/direct\"") && card.body().contains(zelda.username()));
    assertEquals(404, me.page("/people/nobody-" + tag).statusCode());
    var dm = me.form("/direct", "username=" + zelda.username(), false);
    assertEquals(303, dm.statusCode(), "the card's button opens the conversation");
  }

  @Test
  void theRoomDirectorySearchesAndPagesPublicRooms() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String prefix = "dir" + Long.toString(System.nanoTime(), 36);
    String first = null;
    for (int i = 0; i < 26; i++) {
      String id = ada.createRoom(prefix + String.format(" %02d", i), "public");
      if (i == 0) {
        first = id;
      }
    }
    bob.join(first);
    ada.createRoom(prefix + " hidden", "private");
    String page1 = bob.page("/rooms/directory?q=" + prefix.toUpperCase()).body();
    assertTrue(page1.contains(prefix + " 00") && page1.contains(prefix + " 24"), page1);
    assertFalse(page1.contains(prefix + " 25"), "25 a page");
    assertFalse(page1.contains(prefix + " hidden"), "never a private room");
    assertTrue(page1.contains("rel=\"next\""));
    assertTrue(page1.contains(">2</td>"), "member counts: the room Bob joined has 2");
    String page2 = bob.page("/rooms/directory?q=" + prefix + "&page=2").body();
    assertTrue(page2.contains(prefix + " 25") && !page2.contains(prefix + " 24"), page2);
    assertFalse(page2.contains("rel=\"next\""));
    assertTrue(bob.page("/rooms").body().contains("/rooms/directory"), "linked from the lobby");
  }
}
