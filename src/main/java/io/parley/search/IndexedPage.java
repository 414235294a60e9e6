package io.parley.search;

import java.util.List;

/**
 * A page of what the index found; {@code total} is exact when {@code exact}, otherwise at least
 * that many matched.
 */
public record IndexedPage(List<SearchHit> hits, long total, boolean exact) {

  public static final IndexedPage EMPTY = new IndexedPage(List.of(), 0, true);

  public IndexedPage {
    hits = List.copyOf(hits);
  }
}
