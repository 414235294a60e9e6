package io.parley.users;

import io.parley.common.DomainException;
import java.util.Locale;

/** How pages look for a person: as their system says (light or dark), or always one of these. */
public enum Theme {
  SYSTEM,
  LIGHT,
  DARK,
  CONTRAST;

  public static Theme of(String value) {
    for (Theme t : values()) {
      if (t.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return t;
      }
    }
    throw DomainException.invalid("theme is system, light, dark or contrast");
  }

  /** The page's {@code data-theme}, or null to follow the system. */
  public String attribute() {
    return this == SYSTEM ? null : name().toLowerCase(Locale.ROOT);
  }
}
