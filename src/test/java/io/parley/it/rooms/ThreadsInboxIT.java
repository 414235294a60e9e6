package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The threads inbox against the running server: listed, counted, told live. */
class ThreadsInboxIT {

  private static int reply(TestUser who, String room, long parent, String body, String id) {
    return who.post(
            "/api/rooms/" + room + "/messages",
            "{\"body\":"
                + Parley.quote(body)
                + ",\"clientMsgId\":\""
                + id
                + "\",\"threadOf\":"
                + parent
                + "}")
        .statusCode();
  }

  @Test
  void repliesToYourThreadAreListedCountedAndToldLive() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = ada.createRoom(Parley.unique("threads"), "public");
    bob.join(room);
    assertEquals(201, ada.postMessage(room, "shall we ship friday?", "t-1").statusCode());
    try (LiveSocket page = LiveSocket.open(ada).ready()) {
      assertEquals(201, reply(bob, room, 1, "yes", "t-2"));
      String link = page.await(f -> f.contains("id=\"threads-link\""), Duration.ofSeconds(10));
      assertTrue(link.contains(">1</span>"), link);
      assertEquals(201, reply(bob, room, 1, "and @" + ada.username() + " writes the notes", "t-3"));
      page.await(f -> f.contains("id=\"threads-link\""), Duration.ofSeconds(10));
    }
    String inbox = ada.page("/threads").body();
    assertTrue(inbox.contains("shall we ship friday?"), inbox);
    assertTrue(inbox.contains("2 replies") && inbox.contains("2 unread"), inbox);
    assertTrue(ada.fragment("/threads/link").body().contains(">1</span>"));

    // Opening the thread reads it.
    assertEquals(200, ada.fragment("/rooms/" + room + "/threads/1").statusCode());
    String after = ada.fragment("/threads/rows").body();
    assertTrue(after.contains("2 replies") && !after.contains("unread"), after);
    assertTrue(
        bob.page("/threads").body().contains("shall we ship friday?"), "bob replied: follows");
  }
}
