package io.parley.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginsTest {

  @Test
  void sameHostIsAllowedWhenNoAllowListIsSet() {
    assertTrue(Origins.allowed("http://localhost:9080", "localhost:9080", Set.of()));
    assertTrue(Origins.allowed("https://chat.corp", "chat.corp", Set.of()));
    assertTrue(Origins.allowed("https://chat.corp", "chat.corp:443", Set.of()));
    assertTrue(Origins.allowed(null, "chat.corp", Set.of()), "non-browser clients send no Origin");
  }

  @Test
  void foreignAndMalformedOriginsAreRefused() {
    assertFalse(Origins.allowed("https://evil.example", "chat.corp", Set.of()));
    assertFalse(Origins.allowed("http://localhost:9081", "localhost:9080", Set.of()));
    assertFalse(Origins.allowed("null", "chat.corp", Set.of()));
    assertFalse(Origins.allowed("http://[bad", "chat.corp", Set.of()));
    assertFalse(Origins.allowed("https://chat.corp", null, Set.of()));
  }

  @Test
  void anAllowListReplacesTheSameHostRule() {
    Set<String> list = Set.of("https://chat.corp");
    assertTrue(Origins.allowed("https://chat.corp", "internal:9080", list));
    assertFalse(Origins.allowed("http://internal:9080", "internal:9080", list));
  }
}
