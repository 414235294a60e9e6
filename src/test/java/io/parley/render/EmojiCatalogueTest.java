package io.parley.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The emoji catalogue built from emojibase-data at build time. */
class EmojiCatalogueTest {

  private final EmojiCatalogue emoji = EmojiCatalogue.get();

  @Test
  void oneReactionWhetherTypedWithTheVariationSelectorOrNot() {
    assertEquals("\uD83D\uDC4D\uFE0F", emoji.canonical("\uD83D\uDC4D"));
    assertEquals("\uD83D\uDC4D\uFE0F", emoji.canonical("\uD83D\uDC4D\uFE0F"));
    assertEquals("\uD83D\uDC4D\uD83C\uDFFD", emoji.canonical("\uD83D\uDC4D\uD83C\uDFFD"), "tones");
    assertNull(emoji.canonical("<b>"));
    assertNull(emoji.canonical("\uD83D\uDC4D\uD83D\uDC4D"), "one emoji per reaction");
    assertEquals("thumbs up", emoji.label(emoji.canonical("\uD83D\uDC4D")));
  }

  @Test
  void shortcodesGroupsAndQuickReactions() {
    assertEquals("\uD83C\uDF89", emoji.byShortcode("tada").orElseThrow());
    assertTrue(emoji.groups().containsKey("Smileys & emotion"));
    assertTrue(emoji.groups().values().stream().mapToInt(java.util.List::size).sum() > 1500);
    assertEquals(6, emoji.quick().size());
    assertTrue(emoji.quick().stream().allMatch(e -> !e.label().equals(e.unicode())), "all named");
  }
}
