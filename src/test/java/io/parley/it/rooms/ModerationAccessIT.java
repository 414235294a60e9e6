package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who gets what from every moderation and admin way in (API, page, socket frame): a member of the
 * room, a moderator of another room, a global moderator and an admin, on a public and a private
 * room. 404 wherever the caller must not learn that the thing exists; the whole matrix is checked
 * and reported at once.
 */
class ModerationAccessIT {

  private static TestUser owner;
  private static TestUser member;
  private static TestUser otherMod;
  private static TestUser globalMod;
  private static TestUser admin;
  private static TestUser target;
  private static String open;
  private static String hidden;

  @BeforeAll
  static void people() {
    owner = Parley.signIn(Parley.unique("Owner"));
    member = Parley.signIn(Parley.unique("Member"));
    otherMod = Parley.signIn(Parley.unique("OtherMod"));
    globalMod = Parley.signIn(Parley.baseUrl(), Parley.unique("GlobalMod"), "moderator");
    admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    target = Parley.signIn(Parley.unique("Target"));
    open = owner.createRoom(Parley.unique("public matrix"), "public");
    hidden = owner.createRoom(Parley.unique("private matrix"), "private");
    otherMod.createRoom(Parley.unique("their own room"), "public"); // owner there: a moderator
    member.join(open);
    target.join(open);
    owner.postMessage(open, "a message to act on", "m-1");
    for (int i = 0; i < 4; i++) {
      target.postMessage(open, "one to remove " + i, "t-" + i); // seqs 2-5, one per caller
      owner.postMessage(hidden, "hidden " + i, "h-" + i); // seqs 1-4
    }
  }

  /** Each caller acts on a message of their own, so that one's act does not change another's. */
  private static int mine(TestUser u) {
    return u == member ? 0 : u == otherMod ? 1 : u == globalMod ? 2 : 3;
  }

  /** What each caller gets from one way in. */
  private record Row(String what, Function<TestUser, HttpResponse<String>> call, int... expected) {}

  private static void check(List<Row> rows) {
    TestUser[] who = {member, otherMod, globalMod, admin};
    String[] names = {"member", "moderator of another room", "global moderator", "admin"};
    List<String> wrong = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (Row row : rows) {
      for (int i = 0; i < who.length; i++) {
        HttpResponse<String> r = row.call().apply(who[i]);
        seen.put(row.what() + " / " + names[i], Integer.toString(r.statusCode()));
        if (r.statusCode() != row.expected()[i]) {
          wrong.add(
              row.what()
                  + " as "
                  + names[i]
                  + ": "
                  + r.statusCode()
                  + " (expected "
                  + row.expected()[i]
                  + ") "
                  + r.body().substring(0, Math.min(120, r.body().length())));
        }
      }
    }
    assertEquals(List.of(), wrong, "the matrix: " + seen);
  }

  private static String mute() {
    return "{\"action\":\"mute\",\"username\":"
        + Parley.quote(target.username())
        + ",\"minutes\":1}";
  }

  @Test
  void theApiGivesEachRoleExactlyWhatItShould() {
    check(
        List.of(
            // member, moderator of another room, global moderator, admin
            new Row(
                "mute in a public room",
                u -> u.post("/api/rooms/" + open + "/moderation", mute()),
                403,
                403,
                204,
                204),
            new Row(
                "unban in a private room (the member and the other moderator are not in it)",
                u ->
                    u.post(
                        "/api/rooms/" + hidden + "/moderation",
                        "{\"action\":\"unban\",\"username\":"
                            + Parley.quote(target.username())
                            + "}"),
                404,
                404,
                204,
                204),
            new Row(
                "removing someone's message",
                u -> u.post("/api/rooms/" + open + "/messages/" + (2 + mine(u)) + "/removal", "{}"),
                403,
                403,
                200,
                200),
            new Row(
                "removing someone's message, private room",
                u ->
                    u.post(
                        "/api/rooms/" + hidden + "/messages/" + (1 + mine(u)) + "/removal", "{}"),
                404,
                404,
                200,
                200),
            new Row(
                "slow mode",
                u -> u.post("/api/rooms/" + open + "/slow-mode", "{\"seconds\":0}"),
                403,
                403,
                200,
                200),
            new Row(
                "slow mode, private room",
                u -> u.post("/api/rooms/" + hidden + "/slow-mode", "{\"seconds\":0}"),
                404,
                404,
                200,
                200),
            new Row(
                "read-only mode",
                u -> u.post("/api/rooms/" + open + "/mode", "{\"mode\":\"open\"}"),
                403,
                403,
                200,
                200),
            new Row(
                "earlier versions of a message",
                u -> u.get("/api/rooms/" + open + "/messages/1/edits"),
                403,
                403,
                200,
                200),
            new Row("the reports queue", u -> u.get("/api/reports"), 404, 200, 200, 200),
            new Row(
                "handling a report",
                u -> u.post("/api/reports/handle", "{\"id\":\"nope/1/x\",\"action\":\"dismiss\"}"),
                404,
                404,
                404,
                404),
            new Row("the audit log", u -> u.get("/api/admin/audit"), 403, 403, 403, 200)));
  }

  @Test
  void pagesGiveEachRoleExactlyWhatItShould() {
    check(
        List.of(
            new Row(
                "the moderation form",
                u ->
                    u.form(
                        "/rooms/" + open + "/moderation",
                        "username=" + target.username() + "&action=unmute",
                        false),
                403,
                403,
                303,
                303),
            new Row(
                "the moderation form, private room",
                u ->
                    u.form(
                        "/rooms/" + hidden + "/moderation",
                        "username=" + target.username() + "&action=unban",
                        false),
                404,
                404,
                303,
                303),
            new Row(
                "slow mode form",
                u -> u.form("/rooms/" + open + "/slow-mode", "seconds=0", false),
                403,
                403,
                303,
                303),
            new Row(
                "the edit history page of a message",
                u -> u.page("/rooms/" + open + "/messages/1/edits"),
                403,
                403,
                200,
                200),
            new Row("the reports queue page", u -> u.page("/reports"), 404, 200, 200, 200),
            new Row("the administration page", u -> u.page("/admin"), 404, 404, 404, 200),
            new Row("the audit log page", u -> u.page("/admin/audit"), 404, 404, 404, 200),
            new Row(
                "the audit export",
                u -> u.page("/admin/audit/export?format=jsonl&room=" + open),
                404,
                404,
                404,
                200)));
  }

  @Test
  void aSocketFrameForAPrivateRoomOneIsNotInLearnsNothing() {
    try (LiveSocket socket = LiveSocket.open(otherMod).resume(hidden, 0)) {
      String answer = socket.await(f -> f.contains("status error"), Duration.ofSeconds(10));
      assertTrue(answer.contains("no such room"), answer);
    }
    try (LiveSocket socket = LiveSocket.open(otherMod)) {
      socket.sendMessage(hidden, "let me in", "x-1");
      assertTrue(socket.awaitStatus().contains("no such room"));
    }
  }
}
