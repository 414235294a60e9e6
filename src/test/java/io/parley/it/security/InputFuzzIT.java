package io.parley.it.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The running server's adapters fuzzed (jqwik, a bounded number of tries): search, moderation,
 * messages and the audit console answer any input with a status below 500 and no stack trace. The
 * parsers themselves get far more tries in {@code InputParsersFuzzTest}; this checks that nothing
 * between the wire and them (JSON binding, query parameters, forms) turns input into a 500.
 */
class InputFuzzIT {

  private static TestUser ada;
  private static TestUser admin;
  private static String room;

  @BeforeContainer
  static void signIn() {
    ada = Parley.signIn(Parley.unique("Fuzz"));
    admin = Parley.signIn(Parley.baseUrl(), Parley.unique("FuzzAdmin"), "admin");
    room = ada.createRoom(Parley.unique("fuzz"), "public");
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.oneOf(
            Arbitraries.of(
                "after:+999999999-12-31",
                "on:0000-00-00",
                "before:2026-13-01",
                "1e9999999999",
                "-0",
                "9223372036854775808",
                "\"",
                "\\",
                "{",
                "[",
                "null",
                "true",
                ">",
                "- ",
                "\u202E",
                "\uD800",
                "%",
                "%00",
                "&",
                "=",
                "#",
                "in:#",
                "from:@",
                "\n",
                "1e17"),
            Arbitraries.strings().ofMaxLength(12))
        .list()
        .ofMaxSize(12)
        .map(list -> String.join("", list));
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void below500(HttpResponse<String> r, String what) {
    assertTrue(r.statusCode() < 500, what + " answered " + r.statusCode() + ": " + r.body());
    assertTrue(!r.body().contains("\tat "), what + " showed a stack trace: " + r.body());
  }

  @Property(tries = 150)
  void searchAndTheAuditConsole(@ForAll("hostile") String text) {
    below500(ada.get("/api/search?q=" + q(text) + "&page=" + q(text)), "search " + text);
    below500(ada.page("/search?q=" + q(text)), "search page " + text);
    below500(admin.page("/admin/audit?to=" + q(text) + "&from=" + q(text)), "audit " + text);
  }

  @Property(tries = 150)
  void moderationAndMessageBodies(@ForAll("hostile") String text) {
    below500(
        ada.post(
            "/api/rooms/" + room + "/moderation",
            "{\"action\":\"mute\",\"username\":\"nobody\",\"minutes\":" + text + "}"),
        "moderation minutes " + text);
    below500(
        ada.post(
            "/api/rooms/" + room + "/messages",
            "{\"body\":" + Parley.quote(text) + ",\"clientMsgId\":" + text + "}"),
        "message " + text);
    below500(
        ada.form(
            "/rooms/" + room + "/moderation",
            "action=mute&username=x&customMinutes=" + q(text),
            false),
        "moderation form " + text);
  }
}
