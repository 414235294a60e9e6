package io.parley.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import org.junit.jupiter.api.Test;

/** The development sign-in lets a person try every role: member, moderator, administrator. */
class DevRolesIT {

  private static int mute(TestUser actor, String room, TestUser target) {
    return actor
        .post(
            "/api/rooms/" + room + "/moderation",
            "{\"action\":\"mute\",\"username\":" + Parley.quote(target.username()) + "}")
        .statusCode();
  }

  @Test
  void aModeratorModeratesEveryRoomAndAnAdminAdministers() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String room = owner.createRoom(Parley.unique("open"), "public");
    bob.join(room);

    TestUser member = Parley.signIn(Parley.baseUrl(), Parley.unique("Member"), "member");
    TestUser moderator = Parley.signIn(Parley.baseUrl(), Parley.unique("Moderator"), "moderator");
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");

    assertEquals(403, mute(member, room, bob));
    assertEquals(204, mute(moderator, room, bob), "a moderator of every room");

    assertEquals(404, member.page("/admin").statusCode());
    assertEquals(404, moderator.page("/admin").statusCode());
    assertEquals(200, admin.page("/admin").statusCode());
  }

  @Test
  void anUnknownRoleIsRefusedWithAClearMessage() {
    var response =
        Parley.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(Parley.baseUrl() + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "name=Mallory&role=superuser"))
                .build());
    assertEquals(400, response.statusCode());
    assertEquals(true, response.body().contains("choose member, guest, moderator or admin"));
  }
}
