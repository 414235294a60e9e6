package io.parley.search;

import java.util.List;

/**
 * A piece of a message's text around what matched, as plain parts, some of them highlighted: pages
 * escape each part and wrap the highlighted ones in {@code <mark>}, so no markup ever comes from
 * the index.
 */
public record Snippet(List<Part> parts) {

  public Snippet {
    parts = List.copyOf(parts);
  }

  /** A run of text; {@code highlighted} when it matched the query. */
  public record Part(String text, boolean highlighted) {}

  public static Snippet plain(String text) {
    return new Snippet(List.of(new Part(text, false)));
  }

  public String text() {
    StringBuilder b = new StringBuilder();
    parts.forEach(p -> b.append(p.text()));
    return b.toString();
  }
}
