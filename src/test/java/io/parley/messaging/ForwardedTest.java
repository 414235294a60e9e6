package io.parley.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForwardedTest {

  @Test
  void quotesTheOriginalUnderWhoWhereAndWhen() {
    assertEquals(
        "FYI\n\n> **Forwarded from Ada in \\#ops, 1 Dec 10:00 UTC**\n> line one\n> line two",
        Forwarded.body(" FYI ", "Ada", "#ops", "1 Dec 10:00 UTC", "line one\nline two"));
  }

  @Test
  void namesShowAsWrittenAndTheWholeFitsAMessage() {
    String body = Forwarded.body(null, "*Eve* [x](y)", "#ops", "now", "x".repeat(5000));
    assertTrue(body.startsWith("> **Forwarded from \\*Eve\\* \\[x\\](y) in"), body);
    assertEquals(NewMessage.MAX_BODY, body.length());
    assertTrue(body.endsWith("…"));
  }
}
