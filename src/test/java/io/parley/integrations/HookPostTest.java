package io.parley.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.common.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slack-style payloads reduced to the Markdown Parley formats. */
class HookPostTest {

  @Test
  void textAloneIsTheMessage() {
    assertEquals(
        "Build **42** passed", new HookPost("  Build **42** passed ", null, null).markdown());
  }

  @Test
  void attachmentsBecomeTitledParagraphsWithFields() {
    HookPost post =
        new HookPost(
            "Deploy finished",
            null,
            List.of(
                new HookPost.Section(
                    "From the pipeline",
                    "Run 17",
                    "https://ci.example/runs/17",
                    "all green",
                    List.of(
                        new HookPost.Field("Status", "passed"), new HookPost.Field(null, "2 min")),
                    "ignored: there is more than a fallback"),
                new HookPost.Section(null, null, null, null, List.of(), "only a fallback")));
    assertEquals(
        "Deploy finished\n\n"
            + "From the pipeline\n**[Run 17](https://ci.example/runs/17)**\nall green\n"
            + "**Status:** passed\n2 min\n\n"
            + "only a fallback",
        post.markdown());
  }

  @Test
  void slackLinksAndEscapesAreTranslated() {
    assertEquals(
        "See [the run](https://ci.example/r/1?a=1&b=2) or https://ci.example & x < y",
        new HookPost(
                "See <https://ci.example/r/1?a=1&amp;b=2|the run> or <https://ci.example> &amp; x &lt; y",
                null,
                null)
            .markdown());
  }

  @Test
  void slackLinkSyntaxWithOtherSchemesIsLeftAsText() {
    // Not a link to translate: the Markdown renderer shows it as text, never as a javascript: link.
    assertEquals(
        "<javascript:alert(1)|click>",
        new HookPost("<javascript:alert(1)|click>", null, null).markdown());
  }

  @Test
  void aPayloadWithoutTextIsRefused() {
    DomainException e =
        assertThrows(
            DomainException.class,
            () ->
                new HookPost(
                        " ",
                        "CI",
                        List.of(new HookPost.Section(null, null, null, null, List.of(), null)))
                    .markdown());
    assertEquals(DomainException.Kind.INVALID, e.kind());
  }
}
