package io.parley.ws;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.parley.common.Days;
import io.parley.common.DomainException;
import io.parley.files.FileService;
import io.parley.messaging.NewMessage;
import io.parley.render.EmojiCatalogue;
import io.parley.render.Markdown;
import io.parley.rooms.RoomModeration;
import io.parley.search.SearchQuery;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of everything that parses what people type or send (search queries and their dates, mute
 * lengths, message bodies and their Markdown, socket frames, upload names and types): any input is
 * either accepted or refused with a {@link DomainException} (a 400 with its message), never another
 * exception, and nothing accepted breaks the renderer. Bounded: a few thousand tries per parser,
 * seconds in all; jqwik shrinks any failure to a small input and prints its seed.
 */
class InputParsersFuzzTest {

  private static final Markdown MARKDOWN = new Markdown(EmojiCatalogue.get());

  /** Runs the parser: a domain refusal is a fine answer; anything else fails the property. */
  private static void acceptedOrRefused(Runnable parse) {
    try {
      parse.run();
    } catch (DomainException refused) {
      assertNotNull(refused.getMessage());
    }
  }

  /** Text made of what trips parsers: markers, digits, signs, quotes, colons, odd code points. */
  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(
                ">",
                "- ",
                "* ",
                "+ ",
                "1. ",
                "9) ",
                "`",
                "```",
                "~~~",
                "\n",
                "\r\n",
                "\t",
                " ",
                "**",
                "_",
                "[",
                "](",
                ")",
                "<",
                "&",
                "#",
                ":",
                "\"",
                "\\",
                "@",
                "+999999999",
                "-999999999",
                "9223372036854775807",
                "1e17",
                "-",
                "0",
                "after:",
                "before:",
                "on:",
                "in:",
                "from:",
                "has:file",
                "is:pinned",
                "2026-02-30",
                "0000-01-01",
                "\u202E",
                "\u0000",
                "\u0007",
                "\uD83D\uDE00",
                "\uFEFF",
                ":smile:",
                "{",
                "}",
                "\"type\":",
                ",",
                "null",
                "[]",
                "http://x",
                "javascript:alert(1)"),
            Arbitraries.strings().ofMaxLength(8));
    return pieces.list().ofMaxSize(60).map(list -> String.join("", list));
  }

  /** One marker repeated a great many times: nesting far past what any renderer recurses. */
  @Provide
  Arbitrary<String> deep() {
    return Combinators.combine(
            Arbitraries.of(">", "> ", "- ", "* ", "1. ", "[", "*", "_", "`", "<a>", "> - "),
            Arbitraries.integers().between(100, 3_000),
            Arbitraries.of("", "x", "\nx", " y"))
        .as((marker, times, tail) -> marker.repeat(times) + tail);
  }

  @Property(tries = 10_000)
  void searchQueries(@ForAll("hostile") String q) {
    acceptedOrRefused(() -> SearchQuery.parse(q));
  }

  @Property(tries = 1_000)
  void searchDates(@ForAll("hostile") String value) {
    acceptedOrRefused(() -> SearchQuery.parse("after:" + value + " before:" + value));
    acceptedOrRefused(
        () -> Days.parse(value, "to").atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
  }

  @Property(tries = 1_000)
  void muteAndBanLengths(@ForAll("hostile") String minutes, @ForAll long seconds) {
    acceptedOrRefused(() -> RoomModeration.moderationMinutes(minutes));
    acceptedOrRefused(() -> RoomModeration.moderationLength(seconds, null));
    acceptedOrRefused(() -> RoomModeration.moderationLength(null, seconds));
  }

  @Property(tries = 5_000)
  void messageBodiesAndTheirMarkdown(@ForAll("hostile") String body) {
    acceptedOrRefused(() -> MARKDOWN.html(NewMessage.requireBody(body), Set.of("ada")));
  }

  @Property(tries = 1_000)
  void deeplyNestedBodies(@ForAll("deep") String body) {
    acceptedOrRefused(() -> MARKDOWN.html(NewMessage.requireBody(body), Set.of()));
  }

  @Property(tries = 5_000)
  void socketFrames(@ForAll("hostile") String text) {
    acceptedOrRefused(() -> InboundFrame.parse(text));
    acceptedOrRefused(() -> InboundFrame.parse("{\"type\":\"send\",\"body\":" + text + "}"));
    acceptedOrRefused(
        () ->
            InboundFrame.parse("{\"type\":\"resume\",\"afterSeq\":" + text + ",\"roomId\":\"r\"}"));
  }

  @Property(tries = 1_000)
  void uploadNamesAndTypes(@ForAll("hostile") String name, @ForAll("hostile") String type) {
    String safe = FileService.safeName(name);
    if (safe.isEmpty()
        || safe.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
      throw new AssertionError("unsafe name kept: " + safe);
    }
    assertNotNull(FileService.safeType(type));
  }
}
