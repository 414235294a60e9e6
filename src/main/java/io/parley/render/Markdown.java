package io.parley.render;

import io.parley.messaging.BodyFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Message formatting: the CommonMark subset chat needs (bold, italic, strike, inline and fenced
 * code, quotes, lists, links; bare URLs become links), with commonmark-java. Raw HTML is always
 * shown as text, links may only be http(s) or mailto and open in a new tab without the opener or a
 * referrer, images become plain links (no tracking pixels), a line break is a line break, {@code
 * :shortcode:} becomes its emoji and mentions are highlighted. Run once per message, when it is
 * posted or edited; the result is stored with it.
 */
public final class Markdown implements BodyFormat {

  private static final Pattern MENTION =
      Pattern.compile("(?<![\\p{L}\\p{N}_.@-])@([\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])");
  private static final Pattern SHORTCODE = Pattern.compile(":([a-z0-9_+-]{1,40}):");
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
  private static final Map<String, String> LINK_ATTRIBUTES =
      Map.of("rel", "noopener noreferrer nofollow", "target", "_blank");

  private final EmojiCatalogue emoji;
  private final Parser parser;
  private final HtmlRenderer renderer;

  /** The handles the message being rendered mentions (the renderer is shared by threads). */
  private final ThreadLocal<Set<String>> highlighted = ThreadLocal.withInitial(Set::of);

  /** The custom emoji's names now (each message is formatted once, with the names of its time). */
  private final java.util.function.Supplier<Set<String>> custom;

  public Markdown(EmojiCatalogue emoji) {
    this(emoji, Set::of);
  }

  public Markdown(EmojiCatalogue emoji, java.util.function.Supplier<Set<String>> custom) {
    this.emoji = emoji;
    this.custom = custom;
    List<Extension> extensions =
        List.of(StrikethroughExtension.create(), AutolinkExtension.create());
    this.parser =
        Parser.builder()
            .extensions(extensions)
            // No headings, rules, HTML blocks or indented code: in chat, "#1" and leading
            // spaces are text.
            .enabledBlockTypes(Set.of(FencedCodeBlock.class, BlockQuote.class, ListBlock.class))
            .build();
    this.renderer =
        HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeLinks())
            .softbreak("<br>\n")
            .nodeRendererFactory(ChatText::new)
            .nodeRendererFactory(SafeLink::new)
            .build();
  }

  @Override
  public String html(String body, Set<String> mentioned) {
    highlighted.set(mentioned);
    try {
      return renderer.render(parser.parse(body)).strip();
    } catch (StackOverflowError e) {
      // Bodies are checked for deep nesting first (NewMessage); should any shape still recurse too
      // deep, the message is shown as its plain text rather than failing.
      java.util.logging.Logger.getLogger(Markdown.class.getName())
          .warning("a message too deeply nested to format was shown as plain text");
      return "<p>" + org.unbescape.html.HtmlEscape.escapeHtml4Xml(body) + "</p>";
    } finally {
      highlighted.remove();
    }
  }

  /** Text: escaped, with :shortcode: emoji and highlighted mentions. */
  private final class ChatText implements NodeRenderer {
    private final HtmlWriter html;

    ChatText(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Text.class);
    }

    @Override
    public void render(Node node) {
      String text = shortcodes(((Text) node).getLiteral());
      Set<String> names = text.indexOf(':') < 0 ? Set.of() : custom.get();
      if (names.isEmpty()) {
        plain(text);
        return;
      }
      Matcher m = SHORTCODE.matcher(text);
      int from = 0;
      while (m.find()) {
        if (names.contains(m.group(1))) {
          plain(text.substring(from, m.start()));
          String code = m.group();
          html.tag(
              "img",
              Map.of(
                  "class",
                  "emoji custom",
                  "src",
                  "/emoji/" + m.group(1),
                  "alt",
                  code,
                  "title",
                  code,
                  "width",
                  "20",
                  "height",
                  "20"),
              true);
          from = m.end();
        }
      }
      plain(text.substring(from));
    }

    /** Text with highlighted mentions. */
    private void plain(String text) {
      Set<String> handles = highlighted.get();
      if (handles.isEmpty()) {
        html.text(text);
        return;
      }
      Matcher m = MENTION.matcher(text);
      int from = 0;
      while (m.find()) {
        if (handles.contains(m.group(1).toLowerCase(Locale.ROOT))) {
          html.text(text.substring(from, m.start()));
          html.tag("span", Map.of("class", "mention"));
          html.text(m.group());
          html.tag("/span");
          from = m.end();
        }
      }
      html.text(text.substring(from));
    }

    private String shortcodes(String text) {
      if (text.indexOf(':') < 0) {
        return text;
      }
      Matcher m = SHORTCODE.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String found = emoji.byShortcode(m.group(1)).orElse(m.group());
        m.appendReplacement(out, Matcher.quoteReplacement(found));
      }
      m.appendTail(out);
      return out.toString();
    }
  }

  /**
   * Links and images: a link whose target is not safe is shown as its text, and an image as a link
   * to it (nothing is fetched from elsewhere when a page opens).
   */
  private static final class SafeLink implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    SafeLink(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Link.class, Image.class);
    }

    @Override
    public void render(Node node) {
      String destination =
          node instanceof Link link ? link.getDestination() : ((Image) node).getDestination();
      String title = node instanceof Link link ? link.getTitle() : ((Image) node).getTitle();
      String url = new SafeLinks().sanitizeLinkUrl(destination);
      boolean link = !url.isEmpty();
      if (link) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        attributes.put("href", context.encodeUrl(url));
        if (title != null && !title.isEmpty()) {
          attributes.put("title", title);
        }
        attributes.put("rel", LINK_ATTRIBUTES.get("rel"));
        attributes.put("target", LINK_ATTRIBUTES.get("target"));
        html.tag("a", attributes);
      }
      Node child = node.getFirstChild();
      if (child == null && node instanceof Image) {
        html.text(destination);
      }
      while (child != null) {
        Node next = child.getNext();
        context.render(child);
        child = next;
      }
      if (link) {
        html.tag("/a");
      }
    }
  }

  /** Only http(s), mailto and relative links; anything else (javascript:, data:) is dropped. */
  private static final class SafeLinks implements UrlSanitizer {
    @Override
    public String sanitizeLinkUrl(String url) {
      String trimmed = url.strip();
      StringBuilder plain = new StringBuilder();
      // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
      trimmed.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(plain::appendCodePoint);
      String lower = plain.toString().toLowerCase(Locale.ROOT);
      int colon = lower.indexOf(':');
      int end = firstOf(lower, "/?#");
      if (colon >= 0 && (end < 0 || colon < end)) {
        return SAFE_SCHEMES.contains(lower.substring(0, colon)) ? trimmed : "";
      }
      return trimmed;
    }

    @Override
    public String sanitizeImageUrl(String url) {
      return sanitizeLinkUrl(url);
    }

    private static int firstOf(String s, String chars) {
      int best = -1;
      for (char c : chars.toCharArray()) {
        int i = s.indexOf(c);
        if (i >= 0 && (best < 0 || i < best)) {
          best = i;
        }
      }
      return best;
    }
  }
}
