package io.parley.search;

import io.parley.common.DomainException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed in the search box, read once: words (each also matches as a prefix and by its
 * English stem), "phrases in quotes" and filters — {@code in:room}, {@code from:person}, {@code
 * before:}/{@code after:}/{@code on:} a date (YYYY-MM-DD, UTC), {@code has:file}, {@code
 * is:pinned}. Anything else that looks like a filter is searched as words.
 */
public record SearchQuery(
    List<String> words,
    List<String> phrases,
    String inRoom,
    String fromPerson,
    LocalDate before,
    LocalDate after,
    boolean withFiles,
    boolean pinned) {

  /** Longest query read; the rest is ignored. */
  public static final int MAX_LENGTH = 500;

  /** At most this many words and phrases together. */
  public static final int MAX_TERMS = 16;

  /** How results are ordered. */
  public enum Order {
    NEWEST,
    RELEVANCE;

    public static Order of(String value) {
      return "relevance".equalsIgnoreCase(value) ? RELEVANCE : NEWEST;
    }
  }

  private static final Pattern TOKEN =
      Pattern.compile("([A-Za-z]+):(\"[^\"]*\"?|\\S+)|\"([^\"]*)\"?|(\\S+)");

  public SearchQuery {
    words = List.copyOf(words);
    phrases = List.copyOf(phrases);
  }

  public static SearchQuery parse(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH);
    }
    List<String> words = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    String in = null;
    String from = null;
    LocalDate before = null;
    LocalDate after = null;
    boolean files = false;
    boolean pinned = false;
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        String key = m.group(1).toLowerCase(Locale.ROOT);
        String value = unquote(m.group(2));
        switch (key) {
          case "in" -> in = value.startsWith("#") ? value.substring(1) : value;
          case "from" -> from = value.startsWith("@") ? value.substring(1) : value;
          case "before" -> before = date(key, value);
          case "after" -> after = date(key, value);
          case "on" -> {
            LocalDate day = date(key, value);
            after = day.minusDays(1);
            before = day.plusDays(1);
          }
          case "has" -> files = files || value.equalsIgnoreCase("file");
          case "is" -> pinned = pinned || value.equalsIgnoreCase("pinned");
          default -> words.add(m.group());
        }
      } else if (m.group(3) != null) {
        if (!m.group(3).isBlank()) {
          phrases.add(m.group(3).strip());
        }
      } else {
        words.add(m.group(4));
      }
    }
    if (words.size() + phrases.size() > MAX_TERMS) {
      throw DomainException.invalid("a search takes at most " + MAX_TERMS + " words and phrases");
    }
    return new SearchQuery(
        words, phrases, blankToNull(in), blankToNull(from), before, after, files, pinned);
  }

  /** Whether there is anything to look for (words, phrases or a filter). */
  public boolean isEmpty() {
    return words.isEmpty()
        && phrases.isEmpty()
        && inRoom == null
        && fromPerson == null
        && before == null
        && after == null
        && !withFiles
        && !pinned;
  }

  private static LocalDate date(String key, String value) {
    return io.parley.common.Days.parse(value, key + ":");
  }

  private static String unquote(String value) {
    String v = value.startsWith("\"") ? value.substring(1) : value;
    return v.endsWith("\"") ? v.substring(0, v.length() - 1) : v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
