package io.parley.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypingIndicatorTest {

  private final TypingIndicator typing = new TypingIndicator();
  private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void describesOneTwoOrSeveralTypists() {
    assertEquals("", TypingIndicator.describe(List.of()));
    assertEquals("Alice is typing…", TypingIndicator.describe(List.of("Alice")));
    assertEquals("Alice and Bob are typing…", TypingIndicator.describe(List.of("Alice", "Bob")));
    assertEquals("Several people are typing…", TypingIndicator.describe(List.of("A", "B", "C")));
  }

  @Test
  void showsOthersButNotTheViewer() {
    assertTrue(typing.typed("r", "alice", "Alice", t0));
    assertFalse(
        typing.typed("r", "alice", "Alice", t0.plusSeconds(2)), "a repeat changes nothing shown");
    typing.typed("r", "bob", "Bob", t0);
    assertEquals(List.of("Alice", "Bob"), typing.typists("r", "carol"));
    assertEquals(List.of("Bob"), typing.typists("r", "alice"));
    assertEquals(List.of(), typing.typists("other", "carol"));
  }

  @Test
  void lapsesSixSecondsAfterTheLastEvent() {
    typing.typed("r", "alice", "Alice", t0);
    typing.typed("r", "alice", "Alice", t0.plusSeconds(3));
    assertEquals(Set.of(), typing.expire(t0.plusSeconds(8)), "refreshed at +3 s, lasts until +9 s");
    assertEquals(Set.of("r"), typing.expire(t0.plusSeconds(9)));
    assertEquals(List.of(), typing.typists("r", "bob"));
  }

  @Test
  void clearsWhenTheMessageArrives() {
    typing.typed("r", "alice", "Alice", t0);
    assertTrue(typing.posted("r", "alice"));
    assertFalse(typing.posted("r", "alice"));
    assertFalse(typing.posted("nowhere", "alice"));
    assertEquals(List.of(), typing.typists("r", "bob"));
  }
}
