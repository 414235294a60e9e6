package io.parley.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Read receipts, unread and mention badges over real sockets, with the marks in the store. */
class ReceiptsIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static String seenLine(String roomId) {
    return "id=\"seen-" + roomId + "\"";
  }

  @Test
  void watchersAppearInSeenByUnderTheLatestMessage() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    TestUser cy = Parley.signIn(Parley.unique("Cy"));
    String room = ada.createRoom(Parley.unique("receipts"), "public");
    bob.join(room);
    cy.join(room);
    try (LiveSocket a = LiveSocket.open(ada).resume(room, 0);
        LiveSocket b = LiveSocket.open(bob).resume(room, 0)) {
      a.sendMessage(room, "lunch?", "r-1");
      String seen = a.await(f -> f.contains(seenLine(room)) && f.contains("Seen by"), WAIT);
      assertTrue(seen.contains(">Seen by " + bob.name() + "<"), seen);
      assertFalse(seen.contains(cy.name()), "Cy never opened the room");
      // Bob sees Ada nowhere in the line: the sender is not listed, and neither is he himself.
      b.drain(Duration.ofMillis(1500)).stream()
          .filter(f -> f.contains(seenLine(room)))
          .forEach(f -> assertFalse(f.contains("Seen by"), f));
    }
  }

  @Test
  void aDirectMessageShowsSentThenDeliveredThenRead() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String dm = ada.openDirect(bob);
    try (LiveSocket a = LiveSocket.open(ada).resume(dm, 0)) {
      a.sendMessage(dm, "are you there?", "d-1");
      assertTrue(a.await(f -> f.contains(seenLine(dm)), WAIT).contains(">Sent<"));
      // Bob's tab is open on another page: the message reaches his device, unread.
      try (LiveSocket b = LiveSocket.open(bob).ready()) {
        a.sendMessage(dm, "ping", "d-2");
        String badge = b.await(f -> f.contains("id=\"unread-" + dm + "\""), WAIT);
        assertTrue(badge.contains(">2<"), badge);
        a.await(f -> f.contains(seenLine(dm)) && f.contains(">Delivered<"), WAIT);
        b.resume(dm, 0);
        a.await(f -> f.contains(seenLine(dm)) && f.contains(">Read<"), WAIT);
      }
    }
    String page = ada.page("/rooms/" + dm).body();
    assertTrue(page.contains(seenLine(dm) + ">Read<"), "a fresh page shows it too");
  }

  @Test
  void readingInOneTabClearsTheBadgeInTheOthers() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("tabs"), "public");
    bob.join(room);
    try (LiveSocket otherTab = LiveSocket.open(bob).ready()) {
      ada.postMessage(room, "one", "t-1");
      ada.postMessage(room, "two for @" + bob.username(), "t-2");
      String badge =
          otherTab.await(f -> f.contains("id=\"unread-" + room + "\"") && f.contains(">2<"), WAIT);
      assertTrue(badge.contains(">@1<"), "the mention is counted apart: " + badge);
      try (LiveSocket reading = LiveSocket.open(bob).resume(room, 0)) {
        reading.awaitMessages(room, 2, WAIT);
        String cleared =
            otherTab.await(
                f -> f.contains("id=\"unread-" + room + "\"") && !f.contains(">2<"), WAIT);
        assertFalse(cleared.contains("badge on"), cleared);
      }
    }
  }

  @Test
  void mentionsAreHighlightedForTheMentionedAndCountedOnTheirSidebar() throws Exception {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("mentions"), "public");
    bob.join(room);
    try (LiveSocket b = LiveSocket.open(bob).resume(room, 0)) {
      ada.postMessage(room, "hey @" + bob.username() + ", and @nobody", "m-1");
      String frame = b.await(f -> f.contains("msg-" + room + "-1"), WAIT);
      assertTrue(frame.contains("message mentions-me"), frame);
      assertTrue(frame.contains("<span class=\"mention\">@" + bob.username() + "</span>"), frame);
      assertTrue(frame.contains(", and @nobody"), "a non-member is plain text");
    }
    assertEquals(
        1,
        ada.history(room, "").get(0).getJsonArray("mentions").size(),
        "the API lists who was mentioned");
    ada.postMessage(room, "@" + bob.username() + " again", "m-2");
    ada.postMessage(room, "not you", "m-3");
    // Bob read message 1 in his tab; its read mark is stored within a second or so.
    String badges = "";
    for (int i = 0; i < 50 && !(badges.contains(">2<") && badges.contains(">@1<")); i++) {
      String lobby = bob.page("/rooms").body().replaceAll("\\s+", " ");
      int at = lobby.indexOf("id=\"unread-" + room + "\"");
      assertTrue(at > 0, "the sidebar lists the room");
      badges = lobby.substring(at, lobby.indexOf("</span></span>", at) + 7);
      Thread.sleep(100);
    }
    assertTrue(badges.contains(">2<") && badges.contains(">@1<"), badges);
  }
}
