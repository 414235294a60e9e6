package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Archiving and deleting a room on a real server, with the live effects on open pages. */
class RoomLifecycleIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void archiveThenDeleteARoom() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    String name = Parley.unique("lifecycle");
    String room = owner.createRoom(name, "public");
    ada.join(room);
    assertEquals(201, ada.postMessage(room, "before the archive", "l-1").statusCode());

    try (LiveSocket page = LiveSocket.open(ada).resume(room, 0).ready()) {
      assertEquals(
          403, ada.post("/api/rooms/" + room + "/archive", "{\"archived\":true}").statusCode());
      var archived = owner.post("/api/rooms/" + room + "/archive", "{\"archived\":true}");
      assertEquals(200, archived.statusCode(), archived.body());
      assertTrue(archived.body().contains("\"state\":\"archived\""), archived.body());
      String standing = page.await(f -> f.contains("standing-" + room), WAIT);
      assertTrue(standing.contains("This room is archived"), standing);

      var refused = ada.postMessage(room, "after", "l-2");
      assertEquals(403, refused.statusCode());
      assertTrue(refused.body().contains("archived"), refused.body());
      assertEquals(200, ada.get("/api/rooms/" + room + "/messages").statusCode(), "readable");
      assertFalse(ada.get("/api/rooms?scope=public").body().contains(room), "not in the directory");
      assertTrue(
          owner.page("/rooms/" + room).body().contains("Bring the room back"), "the owner's panel");

      assertEquals(
          200, admin.post("/api/rooms/" + room + "/archive", "{\"archived\":false}").statusCode());
      assertEquals(201, ada.postMessage(room, "after", "l-2").statusCode());

      // Delete: the name confirms it; the members' open pages lose the room at once.
      assertEquals(
          400, owner.send("DELETE", "/api/rooms/" + room + "?confirm=nope", null).statusCode());
      assertEquals(
          403,
          ada.send("DELETE", "/api/rooms/" + room + "?confirm=" + encode(name), null).statusCode());
      var deleted = owner.form("/rooms/" + room + "/delete", "confirm=" + encode(name), false);
      assertEquals(303, deleted.statusCode(), deleted.body());
      page.await(f -> f.contains("This room was deleted."), WAIT);
    }
    assertEquals(404, ada.get("/api/rooms/" + room + "/messages").statusCode());
    assertEquals(404, owner.page("/rooms/" + room).statusCode());
    String log = admin.page("/admin/audit?room=" + room).body();
    assertTrue(
        log.contains("room.archived")
            && log.contains("room.unarchived")
            && log.contains("room.deleted"),
        log);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
