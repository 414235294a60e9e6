package io.parley.common;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks on user-supplied text shared by names and bodies. */
public final class Text {

  private Text() {}

  /** The items of a comma-separated setting, trimmed, empty ones dropped, in order. */
  public static Set<String> splitList(String csv) {
    return Arrays.stream(csv == null ? new String[0] : csv.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Trims, then rejects blank text, text over {@code max} characters and control characters. */
  public static String requireName(String value, String what, int max) {
    String trimmed = value == null ? "" : value.strip();
    if (trimmed.isEmpty()) {
      throw DomainException.invalid(what + " must not be empty");
    }
    if (trimmed.length() > max) {
      throw DomainException.invalid(what + " must be at most " + max + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw DomainException.invalid(what + " must not contain control characters");
    }
    return trimmed;
  }

  /** Like {@link #requireName}, but blank or missing text is null (an optional reason, a topic). */
  public static String optional(String value, String what, int max) {
    return value == null || value.isBlank() ? null : requireName(value, what, max);
  }
}
