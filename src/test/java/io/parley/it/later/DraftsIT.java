package io.parley.it.later;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Drafts kept on the server per room and thread, shown again on the next page load. */
class DraftsIT {

  @Test
  void aDraftComesBackOnAnyPageUntilItIsCleared() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = ada.createRoom(Parley.unique("drafts"), "private");
    assertEquals(201, ada.postMessage(room, "a thread", "d-0").statusCode());

    assertEquals(
        204,
        ada.form("/rooms/" + room + "/draft", "body=" + enc("half <b>a</b> thought"), true)
            .statusCode());
    assertEquals(
        204,
        ada.form("/rooms/" + room + "/draft", "body=" + enc("a reply draft") + "&threadOf=1", true)
            .statusCode());
    String page = ada.page("/rooms/" + room).body();
    assertTrue(page.contains("half &lt;b&gt;a&lt;/b&gt; thought</textarea>"), "restored, escaped");
    assertTrue(
        ada.fragment("/rooms/" + room + "/threads/1").body().contains("a reply draft</textarea>"));

    assertEquals(204, ada.form("/rooms/" + room + "/draft", "body=", true).statusCode());
    assertFalse(ada.page("/rooms/" + room).body().contains("half &lt;b&gt;a"), "cleared");
    assertTrue(
        ada.fragment("/rooms/" + room + "/threads/1").body().contains("a reply draft"),
        "the thread's stays");

    assertEquals(
        404,
        eve.form("/rooms/" + room + "/draft", "body=sneaky", true).statusCode(),
        "no drafts in a room one is not in");
    assertEquals(
        400, ada.form("/rooms/" + room + "/draft", "body=" + "x".repeat(4001), true).statusCode());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
