package io.parley.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Message formatting: what chat needs, and nothing a message could use to run or fetch. */
class MarkdownTest {

  private static final Markdown MARKDOWN = new Markdown(EmojiCatalogue.get());

  private static String html(String body) {
    return MARKDOWN.html(body, Set.of());
  }

  @Test
  void theChatSubset() {
    assertEquals(
        "<p><strong>bold</strong> <em>italic</em> <del>gone</del> <code>a &lt; b</code></p>",
        html("**bold** _italic_ ~~gone~~ `a < b`"));
    assertEquals(
        "<pre><code class=\"language-java\">if (a &lt; b) {}\n</code></pre>",
        html("```java\nif (a < b) {}\n```"));
    assertEquals("<blockquote>\n<p>quoted</p>\n</blockquote>", html("> quoted"));
    assertEquals("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", html("- one\n- two"));
    assertEquals("<p>line one<br>\nline two</p>", html("line one\nline two"));
  }

  @Test
  void headingsRulesAndIndentedCodeStayText() {
    assertEquals("<p># not a heading</p>", html("# not a heading"));
    assertFalse(html("***").contains("<hr"));
    assertEquals("<p>indented</p>", html("    indented"));
  }

  @Test
  void linksAreSafeAndBareUrlsBecomeLinks() {
    String rel = " rel=\"noopener noreferrer nofollow\" target=\"_blank\"";
    assertEquals(
        "<p><a href=\"https://example.org/a?b=1&amp;c=2\"" + rel + ">site</a></p>",
        html("[site](https://example.org/a?b=1&c=2)"));
    assertEquals(
        "<p>see <a href=\"https://parley.example/x\"" + rel + ">https://parley.example/x</a></p>",
        html("see https://parley.example/x"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](  javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "[x](javascript&#58;alert(1))",
        "[x](&#106;avascript:alert(1))",
        "![x](javascript:alert(1))",
        "[x]: javascript:alert(1)\n\n[x]"
      })
  void scriptLinksAreDropped(String body) {
    String out = html(body).toLowerCase(Locale.ROOT);
    assertFalse(out.contains("<a "), "shown as text, not a link: " + out);
    assertFalse(out.contains("href"), out);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<iframe src=//evil>",
        "<div>\n<script>alert(1)</script>\n</div>",
        "`<script>` and **<b onclick=x>**",
        "[<img src=x onerror=alert(1)>](https://x.org)",
        "[x](https://x.org \"title\\\" onmouseover=alert(1)\")"
      })
  void rawHtmlIsAlwaysText(String body) {
    String out = html(body);
    assertFalse(out.contains("<script"), out);
    assertFalse(out.contains("<img"), out);
    assertFalse(out.contains("<svg"), out);
    assertFalse(out.contains("<iframe"), out);
    assertFalse(out.contains("<div"), out);
    assertFalse(out.contains("<b "), out);
    String tags = out.replaceAll("=\"[^\"]*\"", "=\"\"");
    assertFalse(tags.matches("(?s).*<[^>]*\\son\\w+=.*"), "no event handler attribute: " + out);
  }

  @Test
  void imagesBecomeLinksSoNothingIsFetched() {
    String out = html("![diagram](https://example.org/d.png)");
    assertFalse(out.contains("<img"), out);
    assertTrue(out.contains("<a href=\"https://example.org/d.png\""), out);
    assertTrue(out.contains(">diagram</a>"), out);
  }

  @Test
  void shortcodesAndMentions() {
    assertEquals("<p>ship it 🎉 :not_an_emoji:</p>", html("ship it :tada: :not_an_emoji:"));
    assertEquals("<p><code>:tada:</code></p>", html("`:tada:`"), "code stays as typed");
    assertEquals(
        "<p>hi <span class=\"mention\">@bob</span> and @nobody</p>",
        MARKDOWN.html("hi @bob and @nobody", Set.of("bob")));
    assertEquals(
        "<p>mail bob@example.org</p>",
        MARKDOWN
            .html("mail bob@example.org", Set.of("example.org"))
            .replaceAll("<a[^>]*>|</a>", ""));
  }
}
