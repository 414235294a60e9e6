package io.parley.render;

/**
 * HTML with every character beyond ASCII written as a numeric character reference, which the
 * browser's parser turns back into the same character (in text and in attribute values alike;
 * fragments carry no script or style text). Why: a pushed fragment is rendered once and sent to
 * many sockets, and the container encodes the frame to UTF-8 for each of them. A string holding one
 * character beyond Latin-1 (the "⋯" of the actions menu, an emoji) is stored as UTF-16 and encoded
 * character by character into an oversized buffer, then copied; an ASCII string is one array copy.
 * That encoding was a quarter of the bytes the server allocated under chat load.
 */
final class AsciiHtml {

  private AsciiHtml() {}

  static String of(String html) {
    int i = 0;
    int n = html.length();
    while (i < n && html.charAt(i) < 0x80) {
      i++;
    }
    if (i == n) {
      return html;
    }
    StringBuilder out = new StringBuilder(n + 64).append(html, 0, i);
    while (i < n) {
      char c = html.charAt(i);
      if (c < 0x80) {
        out.append(c);
        i++;
      } else {
        int codePoint = html.codePointAt(i);
        out.append("&#x").append(Integer.toHexString(codePoint)).append(';');
        i += Character.charCount(codePoint);
      }
    }
    return out.toString();
  }
}
