package io.parley.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up words with a skewed frequency (a few common, most rare, like real text), so searches at
 * scale have common words, rare words and prefixes to look for. Deterministic for a seed.
 */
public final class Vocabulary {

  private final String[] words;
  private final Random random;

  public Vocabulary(int size, long seed) {
    this.words = words(size);
    this.random = new Random(seed);
  }

  /** A word, Zipf-like: rank r comes up about as often as 1/r. */
  public String word() {
    double u = random.nextDouble();
    int rank = (int) Math.min(words.length - 1, Math.floor(Math.pow(words.length, u)) - 1);
    return words[Math.max(0, rank)];
  }

  /** Any word, each as likely as the others (mostly rare ones). */
  public String rareWord() {
    return words[random.nextInt(words.length)];
  }

  public String sentence(int minWords, int maxWords) {
    int n = minWords + random.nextInt(maxWords - minWords + 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : " ").append(word());
    }
    return b.toString();
  }

  /** A mix of queries: a common word, a rare one, a prefix, two words, a phrase. */
  public String query() {
    return switch (random.nextInt(5)) {
      case 0 -> word();
      case 1 -> rareWord();
      case 2 -> {
        String w = word();
        yield w.substring(0, Math.min(3, w.length()));
      }
      case 3 -> word() + " " + word();
      default -> "\"" + word() + " " + word() + "\"";
    };
  }

  private static String[] words(int n) {
    Random r = new Random(7);
    String consonants = "bcdfghjklmnprstvwz";
    String vowels = "aeiou";
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      StringBuilder w = new StringBuilder();
      int syllables = 1 + r.nextInt(4);
      for (int s = 0; s < syllables; s++) {
        w.append(consonants.charAt(r.nextInt(consonants.length())));
        w.append(vowels.charAt(r.nextInt(vowels.length())));
      }
      if (r.nextBoolean()) {
        w.append(consonants.charAt(r.nextInt(consonants.length())));
      }
      if (seen.add(w.toString())) {
        out.add(w.toString());
      }
    }
    return out.toArray(String[]::new);
  }
}
