package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The server-rendered pages as a browser without scripts uses them. */
class PagesIT {

  private static HttpResponse<String> get(TestUser user, String path) {
    return Parley.send(
        HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path))
            .header("Cookie", "parley_token=" + user.token())
            .build());
  }

  private static HttpResponse<String> form(TestUser user, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      b.header("Cookie", "parley_token=" + user.token());
    }
    return Parley.send(b.build());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void lobbyCreatesPrivateRoomsAndOpensDirectConversations() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String name = Parley.unique("secret plans");
    HttpResponse<String> created = form(ada, "/rooms", "name=" + enc(name) + "&type=private");
    assertEquals(303, created.statusCode());
    String roomPath =
        created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    assertTrue(get(ada, roomPath).body().contains(name));
    assertEquals(404, get(bob, roomPath).statusCode(), "a private room is invisible to others");
    assertFalse(get(bob, "/rooms").body().contains(name), "and not listed for them");

    String bobUsername = Parley.json(bob.get("/api/me").body()).getString("username");
    HttpResponse<String> dm = form(ada, "/direct", "username=" + enc(bobUsername));
    assertEquals(303, dm.statusCode());
    String dmPath =
        dm.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    String dmPage = get(bob, dmPath).body();
    assertTrue(dmPage.contains(ada.name()), "the DM is titled with the other person's name");
    assertTrue(
        get(bob, "/rooms").body().contains("href=\"" + dmPath + "\""),
        "listed under direct messages");
    assertEquals(
        dmPath,
        form(
                bob,
                "/direct",
                "username=" + enc(Parley.json(ada.get("/api/me").body()).getString("username")))
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceFirst("^https?://[^/]+", ""),
        "the same DM both ways");
  }

  @Test
  void publicRoomsAreListedReadableAndJoinable() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String name = Parley.unique("town square");
    String room = ada.createRoom(name, "public");
    ada.postMessage(room, "welcome all", "w-1");
    assertTrue(get(bob, "/rooms").body().contains(name), "listed as joinable");
    String preview = get(bob, "/rooms/" + room).body();
    assertTrue(preview.contains("welcome all"), "readable before joining");
    assertTrue(preview.contains("Join this room to post"));
    assertFalse(preview.contains("id=\"composer\""));
    assertEquals(
        403, form(bob, "/rooms/" + room + "/messages", "body=hi&clientMsgId=p-1").statusCode());
    assertEquals(303, form(bob, "/rooms/" + room + "/join", "").statusCode());
    assertTrue(get(bob, "/rooms/" + room).body().contains("id=\"composer\""));
  }

  @Test
  void mistakesGetAClearPage() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    HttpResponse<String> missing = get(ada, "/rooms/00000000-0000-0000-0000-000000000000");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("Not found"));
    HttpResponse<String> blank = form(ada, "/rooms", "name=+++&type=public");
    assertEquals(400, blank.statusCode());
    assertTrue(blank.body().contains("room name must not be empty"));
    assertEquals(404, form(ada, "/direct", "username=nobody-" + System.nanoTime()).statusCode());
    assertEquals(400, get(ada, "/rooms/x/messages").statusCode(), "before is required");
    assertEquals(400, get(ada, "/rooms/x?before=abc").statusCode());
    assertEquals(404, get(ada, "/rooms/a/b/c").statusCode());
    assertEquals(401, form(null, "/rooms", "name=x").statusCode(), "forms need a signed-in user");
  }

  @Test
  void signInValidatesTheNameAndSignOutClearsTheCookie() {
    HttpResponse<String> bad = form(null, "/sign-in", "name=" + enc("!!"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("use 2-32 letters"));
    HttpResponse<String> xss = form(null, "/sign-in", "name=" + enc("<script>x</script>"));
    assertFalse(
        xss.body().contains("<script>x</script>"), "the typed name is escaped when shown again");
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    HttpResponse<String> out = form(ada, "/sign-out", "");
    assertEquals(303, out.statusCode());
    assertTrue(
        out.headers().allValues("Set-Cookie").stream()
            .anyMatch(c -> c.startsWith("parley_token=;") || c.contains("Max-Age=0")));
    HttpResponse<String> root =
        Parley.send(HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/")).build());
    assertEquals(303, root.statusCode());
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() {
    HttpResponse<String> page =
        Parley.send(HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/sign-in")).build());
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"));
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertFalse(page.body().contains("<script>"), "no inline script on any page");
  }
}
