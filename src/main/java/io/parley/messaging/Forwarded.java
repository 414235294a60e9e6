package io.parley.messaging;

import java.util.regex.Pattern;

/**
 * The text of a forwarded message: the forwarder's comment, then the original quoted under a line
 * that says who wrote it, where and when. Names are escaped so they show as written; the quote is
 * cut to keep the whole within a message's length.
 */
public final class Forwarded {

  private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_~\\[\\]<>#|!])");

  private Forwarded() {}

  public static String body(
      String comment, String author, String where, String when, String original) {
    String head =
        (comment == null || comment.isBlank() ? "" : comment.strip() + "\n\n")
            + "> **Forwarded from "
            + escape(author)
            + " in "
            + escape(where)
            + ", "
            + escape(when)
            + "**\n";
    StringBuilder quote = new StringBuilder();
    for (String line : (original == null ? "" : original).split("\n", -1)) {
      quote.append("> ").append(line).append('\n');
    }
    String text = head + quote.toString().stripTrailing();
    if (text.length() > NewMessage.MAX_BODY) {
      text = text.substring(0, NewMessage.MAX_BODY - 1) + "…";
    }
    return text;
  }

  /** The forwarded copy as a new message in {@code to}, saying where it came from. */
  public static NewMessage draft(
      String to, String senderId, String body, String clientMsgId, String fromRoom, long fromSeq) {
    return new NewMessage(
        to,
        senderId,
        body,
        NewMessage.PLAIN_TEXT,
        clientMsgId,
        java.util.Map.of("forwardedFrom", fromRoom + "/" + fromSeq));
  }

  static String escape(String s) {
    return MARKDOWN.matcher(s == null ? "" : s.replace('\n', ' ')).replaceAll("\\\\$1");
  }
}
