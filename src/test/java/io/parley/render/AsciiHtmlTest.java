package io.parley.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class AsciiHtmlTest {

  @Test
  void asciiComesBackAsTheSameString() {
    String html = "<p class=\"x\">plain &amp; simple</p>";
    assertSame(html, AsciiHtml.of(html));
  }

  @Test
  void everyCharacterBeyondAsciiBecomesAReferenceToItsCodePoint() {
    assertEquals(
        "<a title=\"caf&#xe9;\">&#x22ef;</a><b>&#x1f44d; ok</b>",
        AsciiHtml.of("<a title=\"café\">⋯</a><b>👍 ok</b>"));
  }

  @Test
  void theResultIsStoredAsLatin1AndEncodesToTheSameLengthInUtf8() {
    String escaped = AsciiHtml.of("Grüße 😀 ✕");
    assertEquals(
        escaped.length(), escaped.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    assertEquals("Gr&#xfc;&#xdf;e &#x1f600; &#x2715;", escaped);
  }
}
