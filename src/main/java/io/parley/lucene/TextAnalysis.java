package io.parley.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How message text becomes terms. Words are split (Unicode rules), lower-cased and stripped of
 * accents ("Café" = "cafe"), and each is indexed twice at the same position: as written, for
 * prefixes and phrases, and by its English stem ("deploying" also as "deploy"), unless the two are
 * the same. No stop words are dropped, so every phrase can be found.
 */
final class TextAnalysis {

  /** Indexing: folded words plus their stems. */
  static final Analyzer INDEX =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer source = new StandardTokenizer();
          TokenStream s = folded(source);
          s = new KeywordRepeatFilter(s);
          s = new PorterStemFilter(s);
          return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(s));
        }
      };

  /** A query's words, folded as the index folds them. */
  private static final Analyzer FOLD =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer source = new StandardTokenizer();
          return new TokenStreamComponents(source, folded(source));
        }
      };

  /** One folded word's stem. */
  private static final Analyzer STEM =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer source = new KeywordTokenizer();
          return new TokenStreamComponents(source, new PorterStemFilter(source));
        }
      };

  private TextAnalysis() {}

  private static TokenStream folded(Tokenizer source) {
    return new EnglishPossessiveFilter(new ASCIIFoldingFilter(new LowerCaseFilter(source)));
  }

  /** The folded words of what someone typed. */
  static List<String> words(String text) {
    return terms(FOLD, text);
  }

  static String stem(String foldedWord) {
    List<String> t = terms(STEM, foldedWord);
    return t.isEmpty() ? foldedWord : t.get(0);
  }

  private static List<String> terms(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
