package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The admin console's live overview, people and rooms sections on a real server. */
class AdminConsoleIT {

  @Test
  void theConsoleShowsTheNodesPeopleAndRooms() throws InterruptedException {
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    String tag = Parley.unique("Consolerow").replaceAll("[^A-Za-z0-9]", "");
    TestUser ada = Parley.signIn(tag + " Ada");
    String room = ada.createRoom(tag + " lounge", "public");
    ada.postMessage(room, "one", "c-1");
    ada.postMessage(room, "two", "c-2");

    // Each node reports every 5 s: this one shows up with its sockets and a healthy store.
    String page = "";
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!page.contains("class=\"node\"") && System.nanoTime() < end) {
      page = admin.page("/admin").body();
      Thread.sleep(500);
    }
    assertTrue(page.contains("class=\"node\""), page);
    assertTrue(page.contains("safe") && page.contains(">up<"), "store and cluster health");

    String people = admin.page("/admin?people=" + tag).body();
    assertTrue(people.contains(tag + " Ada"), people);
    assertTrue(people.contains("Withdraw access (global ban)"), people);
    // Their open connections, and a disconnect that closes them on every node (pages reconnect).
    try (LiveSocket socket = LiveSocket.open(ada).resume(room, 0).ready()) {
      String listed = "";
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!listed.contains(" since ") && System.nanoTime() < until) {
        listed = admin.page("/admin?people=" + tag).body();
        Thread.sleep(200);
      }
      assertTrue(listed.contains(" since ") && listed.contains("value=\"disconnect\""), listed);
      assertTrue(listed.contains("127.0.0.1 · online"), "the socket's client address: " + listed);
      var done = admin.form("/admin", "username=" + ada.username() + "&action=disconnect", false);
      assertTrue(done.body().contains("were disconnected"), done.body());
      assertEquals(4000, socket.awaitClose(Duration.ofSeconds(10)));
    }
    assertTrue(
        admin.page("/admin/audit?action=user.disconnected").body().contains("user.disconnected"));
    String admins = admin.page("/admin?people=" + admin.username()).body();
    assertTrue(admins.contains("moderator"), "an admin moderates every room: " + admins);

    String rooms = admin.page("/admin?rooms=" + tag).body();
    assertTrue(rooms.contains(tag + " lounge"), rooms);
    assertTrue(rooms.contains("<td>2</td>"), "two messages: " + rooms);
    assertTrue(rooms.contains("/admin/audit?room=" + room), "its acts in the audit log");
  }
}
