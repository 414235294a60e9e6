package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User groups against the running server: made, filled, mentioned, shown on profile cards. */
class GroupsIT {

  @Test
  void aGroupMentionNotifiesItsMembersInTheRoom() {
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String handle = "team" + Parley.unique("").replaceAll("[^a-z0-9]", "").toLowerCase();
    handle = handle.substring(0, Math.min(handle.length(), 30));

    var refused = ada.post("/api/groups", "{\"handle\":\"" + handle + "\",\"name\":\"x\"}");
    assertEquals(403, refused.statusCode(), refused.body());
    var made = admin.post("/api/groups", "{\"handle\":\"" + handle + "\",\"name\":\"The team\"}");
    assertEquals(201, made.statusCode(), made.body());
    var added = admin.send("PUT", "/api/groups/" + handle + "/members/" + ada.username(), null);
    assertEquals(200, added.statusCode(), added.body());
    assertEquals(
        List.of(ada.username()),
        Parley.json(added.body()).getJsonArray("members").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList());

    String room = bob.createRoom(Parley.unique("groups"), "public");
    ada.join(room);
    var posted = bob.postMessage(room, "@" + handle + " please review", "g-1");
    assertEquals(201, posted.statusCode(), posted.body());
    JsonObject m = Parley.json(posted.body());
    assertEquals(ada.userId(), m.getJsonArray("mentions").getString(0));
    assertTrue(m.getString("html").contains("mention"), m.getString("html"));

    String card = bob.page("/people/" + ada.username()).body();
    assertTrue(card.contains("@" + handle), "shown on the profile card");
    assertTrue(ada.get("/api/groups").body().contains(handle), "everyone can list groups");
  }
}
