package io.parley.lucene;

import io.parley.search.Snippet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;

/**
 * The snippet of a hit: the best piece of its text (about {@value #LENGTH} characters) with what
 * matched marked. Lucene's highlighter marks matches with two control characters that message text
 * never holds ({@link #clean}), and the text is cut at them into plain parts: no markup is made
 * here, pages escape the parts themselves.
 */
final class Highlights {

  static final int LENGTH = 160;
  private static final String OPEN = "\u0001";
  private static final String CLOSE = "\u0002";

  private final Highlighter highlighter;
  private final String field;

  Highlights(Query query, String field) {
    this.field = field;
    QueryScorer scorer = new QueryScorer(query, field);
    this.highlighter = new Highlighter(new SimpleHTMLFormatter(OPEN, CLOSE), scorer);
    highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, LENGTH));
    highlighter.setMaxDocCharsToAnalyze(20_000);
  }

  /** Text as indexed: without the two marker characters. */
  static String clean(String text) {
    return text.replace(OPEN, "").replace(CLOSE, "");
  }

  Snippet snippet(String text) {
    String best = null;
    try {
      best = highlighter.getBestFragment(TextAnalysis.INDEX, field, text);
    } catch (IOException | InvalidTokenOffsetsException e) {
      // no highlight then: the start of the text
    }
    if (best == null) {
      return Snippet.plain(text.length() <= LENGTH ? text : text.substring(0, LENGTH) + "…");
    }
    List<Snippet.Part> parts = new ArrayList<>();
    int i = 0;
    while (i < best.length()) {
      int open = best.indexOf(OPEN, i);
      if (open < 0) {
        parts.add(new Snippet.Part(best.substring(i), false));
        break;
      }
      if (open > i) {
        parts.add(new Snippet.Part(best.substring(i, open), false));
      }
      int close = best.indexOf(CLOSE, open);
      if (close < 0) {
        close = best.length();
      }
      parts.add(new Snippet.Part(best.substring(open + 1, close), true));
      i = close + 1;
    }
    return new Snippet(parts);
  }
}
