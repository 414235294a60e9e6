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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guest row of the access matrix: a guest (IdP group mapped to guest) against a member, through
 * the API, the pages, the socket and search. A guest sees the rooms they were added to and their
 * people, nothing else: no directory, no public rooms, no strangers, no rooms of their own.
 */
class GuestsIT {

  @Test
  void aGuestReachesOnlyTheRoomsTheyWereAddedToAndTheirPeople() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser member = Parley.signIn(Parley.unique("Member"));
    TestUser guest = Parley.signIn(Parley.baseUrl(), Parley.unique("Guest"), "guest");
    String word = "zebra" + Parley.unique("").strip().substring(0, 6).toLowerCase();
    String open = owner.createRoom(Parley.unique("open room"), "public");
    String project = owner.createRoom(Parley.unique("project"), "private");
    member.join(open);
    assertEquals(
        201,
        owner
            .post(
                "/api/rooms/" + project + "/members", "{\"username\":\"" + guest.username() + "\"}")
            .statusCode());
    owner.postMessage(open, word + " in the open room", "o-1");
    owner.postMessage(project, word + " in the project", "p-1");

    List<String> wrong = new ArrayList<>();
    expect(wrong, "API public rooms", 403, guest.get("/api/rooms?scope=public").statusCode());
    expect(
        wrong,
        "API public rooms (member)",
        200,
        member.get("/api/rooms?scope=public").statusCode());
    expect(
        wrong,
        "API read a public room",
        404,
        guest.get("/api/rooms/" + open + "/messages").statusCode());
    expect(
        wrong,
        "API join a public room",
        404,
        guest.post("/api/rooms/" + open + "/join", "").statusCode());
    expect(
        wrong,
        "API create a room",
        403,
        guest
            .post("/api/rooms", "{\"name\":\"" + Parley.unique("g") + "\",\"type\":\"private\"}")
            .statusCode());
    expect(
        wrong,
        "API DM a stranger",
        403,
        guest.post("/api/direct", "{\"usernames\":[\"" + member.username() + "\"]}").statusCode());
    expect(
        wrong,
        "API DM their room's owner",
        200,
        guest.post("/api/direct", "{\"usernames\":[\"" + owner.username() + "\"]}").statusCode());
    expect(
        wrong,
        "API read their room",
        200,
        guest.get("/api/rooms/" + project + "/messages").statusCode());
    expect(
        wrong,
        "API post in their room",
        201,
        guest.postMessage(project, "hello all", "g-1").statusCode());
    expect(wrong, "page: room directory", 403, guest.page("/rooms/directory").statusCode());
    expect(wrong, "page: a public room", 404, guest.page("/rooms/" + open).statusCode());
    expect(wrong, "page: their room", 200, guest.page("/rooms/" + project).statusCode());
    expect(
        wrong,
        "page: a stranger's card",
        404,
        guest.page("/people/" + member.username()).statusCode());
    expect(
        wrong,
        "page: their owner's card",
        200,
        guest.page("/people/" + owner.username()).statusCode());
    expect(
        wrong,
        "page: a stranger's card (member)",
        200,
        member.page("/people/" + guest.username()).statusCode());
    for (String failure : wrong) {
      System.out.println("guest matrix: " + failure);
    }
    assertEquals(List.of(), wrong);

    assertFalse(guest.page("/rooms").body().contains(open), "the lobby offers no public rooms");
    assertFalse(
        guest
            .page("/people?q=" + enc(member.name().substring(0, 6)))
            .body()
            .contains(member.username()),
        "the people directory shows only their people");
    assertTrue(owner.page("/rooms/" + project).body().contains(">guest<"), "shown as a guest");
    // The index catches up a moment after a send: wait for the project's message.
    String found = "";
    for (int i = 0; i < 40 && !found.contains(project); i++) {
      found = guest.get("/api/search?q=" + word).body();
      sleep(250);
    }
    assertTrue(found.contains(project), "search finds their room's message: " + found);
    assertFalse(found.contains(open), "and nothing of the public room: " + found);

    try (LiveSocket socket = LiveSocket.open(guest).resume(open, 0)) {
      String answer = socket.await(f -> f.contains("status error"), Duration.ofSeconds(10));
      assertTrue(answer.contains("no such room"), answer);
    }
    try (LiveSocket socket = LiveSocket.open(guest)) {
      socket.sendMessage(open, "let me in", "x-1");
      assertTrue(socket.awaitStatus().contains("no such room"));
    }
    assertEquals(1, member.history(open, "").size(), "nothing reached the public room");
  }

  private static void expect(List<String> wrong, String what, int expected, int got) {
    if (expected != got) {
      wrong.add(what + ": expected " + expected + ", got " + got);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
