package io.parley.users;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forms a person is found by in the directory: the username, the whole name and each word of
 * it, lower-cased and without accents, so "zoe" finds "Zoë Ångström" and "ang" finds her too.
 */
public final class NameKeys {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}]+");

  private NameKeys() {}

  /** Lower case, accents and other combining marks taken off (é → e, Å → a, ñ → n). */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFKD);
    return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /** The person's keys: username, name, and the name's words (two letters or more), folded. */
  public static List<String> of(User user) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(fold(user.username()));
    String name = fold(user.displayName());
    if (!name.isEmpty()) {
      keys.add(name);
      for (String word : SEPARATORS.split(name)) {
        if (word.length() >= 2) {
          keys.add(word);
        }
      }
    }
    return List.copyOf(keys);
  }

  /** Whether one of the person's keys starts with the folded {@code prefix}. */
  public static boolean matches(User user, String prefix) {
    String p = fold(prefix);
    return of(user).stream().anyMatch(k -> k.startsWith(p));
  }
}
