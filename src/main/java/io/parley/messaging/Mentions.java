package io.parley.messaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @username} mentions in a message body. A token counts only if it names a member of the
 * room; the body is never changed, so what is shown is always what was typed.
 */
public final class Mentions {

  /** An {@code @} not preceded by a word character (so e-mail addresses are not mentions). */
  private static final Pattern TOKEN =
      Pattern.compile("(?<![\\p{L}\\p{N}_.@-])@([\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])");

  /** Mentions everyone in the room, from those allowed to (see RoomWideMentions). */
  public static final String ROOM = "room";

  /** Mentions everyone in the room who is online at that moment. */
  public static final String HERE = "here";

  private Mentions() {}

  /** The handles written in the body, lower-cased, in order of first appearance. */
  public static Set<String> handles(String body) {
    Set<String> handles = new LinkedHashSet<>();
    if (body == null || body.indexOf('@') < 0) {
      return handles;
    }
    Matcher m = TOKEN.matcher(body);
    while (m.find()) {
      handles.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return handles;
  }

  /**
   * The body cut into plain text and mentions of the given handles (lower-cased), for highlighting;
   * tokens that are not mentions stay plain text.
   */
  public static List<Part> split(String body, Set<String> mentioned) {
    List<Part> parts = new ArrayList<>();
    if (mentioned.isEmpty()) {
      parts.add(new Part(body, null));
      return parts;
    }
    Matcher m = TOKEN.matcher(body);
    int plainFrom = 0;
    while (m.find()) {
      String handle = m.group(1).toLowerCase(Locale.ROOT);
      if (mentioned.contains(handle)) {
        if (m.start() > plainFrom) {
          parts.add(new Part(body.substring(plainFrom, m.start()), null));
        }
        parts.add(new Part(m.group(), handle));
        plainFrom = m.end();
      }
    }
    if (plainFrom < body.length()) {
      parts.add(new Part(body.substring(plainFrom), null));
    }
    return parts;
  }

  /** A piece of a body: plain text, or a mention of {@code handle}. */
  public record Part(String text, String handle) {
    public boolean mention() {
      return handle != null;
    }
  }
}
