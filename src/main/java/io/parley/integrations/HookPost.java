package io.parley.integrations;

import io.parley.common.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a system posts to an incoming webhook, as Slack's incoming webhooks take it (so existing
 * senders work): {@code text}, an optional {@code username} shown instead of the hook's name, and
 * {@code attachments} (and section blocks), which are reduced to Markdown text.
 */
public record HookPost(String text, String username, List<Section> sections) {

  /** Slack's link syntax in text: {@code <https://x|label>} or {@code <https://x>}. */
  private static final Pattern SLACK_LABELLED_LINK =
      Pattern.compile("<((?:https?|mailto):[^|>\\s]+)\\|([^>]+)>");

  private static final Pattern SLACK_LINK = Pattern.compile("<((?:https?|mailto):[^|>\\s]+)>");

  public HookPost {
    sections = sections == null ? List.of() : List.copyOf(sections);
  }

  /** One attachment (or block) of a Slack payload; every part may be missing. */
  public record Section(
      String pretext,
      String title,
      String titleLink,
      String text,
      List<Field> fields,
      String fallback) {
    public Section {
      fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** A block or an attachment that is only text. */
    public static Section of(String text) {
      return new Section(null, null, null, text, List.of(), null);
    }
  }

  /** A titled value in an attachment ("Status: failed"). */
  public record Field(String title, String value) {}

  /**
   * The message's Markdown: the text, then each section's pretext, title (a link when it has one),
   * text and fields; a section with none of them shows its fallback.
   */
  public String markdown() {
    List<String> parts = new ArrayList<>();
    add(parts, text);
    for (Section s : sections) {
      List<String> lines = new ArrayList<>();
      add(lines, s.pretext());
      if (present(s.title())) {
        lines.add(
            present(s.titleLink())
                ? "**[" + s.title().strip() + "](" + s.titleLink().strip() + ")**"
                : "**" + s.title().strip() + "**");
      }
      add(lines, s.text());
      for (Field f : s.fields()) {
        if (present(f.title()) || present(f.value())) {
          lines.add(
              (present(f.title()) ? "**" + f.title().strip() + ":** " : "")
                  + (f.value() == null ? "" : f.value().strip()));
        }
      }
      if (lines.isEmpty()) {
        add(lines, s.fallback());
      }
      if (!lines.isEmpty()) {
        parts.add(String.join("\n", lines));
      }
    }
    if (parts.isEmpty()) {
      throw DomainException.invalid("the payload has no text (give \"text\" or \"attachments\")");
    }
    return slackToMarkdown(String.join("\n\n", parts));
  }

  /** Slack escapes {@code & < >} and writes links its own way; Parley's Markdown reads neither. */
  static String slackToMarkdown(String text) {
    String labelled = SLACK_LABELLED_LINK.matcher(text).replaceAll("[$2]($1)");
    return SLACK_LINK
        .matcher(labelled)
        .replaceAll("$1")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static void add(List<String> to, String part) {
    if (present(part)) {
      to.add(part.strip());
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
