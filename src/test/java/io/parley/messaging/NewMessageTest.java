package io.parley.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.common.DomainException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewMessageTest {

  private static NewMessage body(String body) {
    return new NewMessage("r", "u", body, null, "c1", null);
  }

  private static String refusal(Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(DomainException.Kind.INVALID, e.kind());
    return e.getMessage();
  }

  @Test
  void trimsTheBodyAndDefaultsToPlainText() {
    NewMessage m = body("  hi there \n");
    assertEquals("hi there", m.body());
    assertEquals("text/plain", m.contentType());
    assertEquals(Map.of(), m.metadata());
  }

  @Test
  void acceptsExactly4000CharactersCountingCodePoints() {
    assertEquals(4000, body("a".repeat(4000)).body().length());
    String emoji = "😀".repeat(4000); // 8000 UTF-16 units, 4000 characters
    assertEquals(emoji, body(emoji).body());
  }

  @Test
  void refusesEmptyOverlongAndControlCharacterBodies() {
    assertEquals("message must not be empty", refusal(() -> body(null)));
    assertEquals("message must not be empty", refusal(() -> body(" \t\n")));
    assertEquals("message must be at most 4000 characters", refusal(() -> body("a".repeat(4001))));
    assertEquals("message must not contain control characters", refusal(() -> body("a\u0000b")));
    assertEquals("multi\nline\ttab", body("multi\nline\ttab").body());
  }

  @Test
  void refusesUnknownContentTypesAndBadClientIds() {
    refusal(() -> new NewMessage("r", "u", "x", "text/html", "c1", null));
    refusal(() -> new NewMessage("r", "u", "x", null, null, null));
    refusal(() -> new NewMessage("r", "u", "x", null, "has space", null));
    refusal(() -> new NewMessage("r", "u", "x", null, "x".repeat(65), null));
    assertEquals(
        "text/markdown", new NewMessage("r", "u", "x", "text/markdown", "c", null).contentType());
  }

  @Test
  void validatesMetadata() {
    assertEquals(
        Map.of("k", "v"), new NewMessage("r", "u", "x", null, "c", Map.of("k", "v")).metadata());
    refusal(() -> new NewMessage("r", "u", "x", null, "c", Map.of("$where", "1")));
    refusal(() -> new NewMessage("r", "u", "x", null, "c", Map.of("k", "v".repeat(501))));
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 17; i++) {
      many.put("k" + i, "v");
    }
    refusal(() -> new NewMessage("r", "u", "x", null, "c", many));
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    refusal(() -> new NewMessage("r", "u", "x", null, "c", nullValue));
  }
}
