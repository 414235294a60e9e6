package io.parley.away;

import io.parley.common.DomainException;
import java.time.Duration;
import java.util.Locale;

/**
 * How often a person wants email about what they missed: soon after (once the wait is over), at
 * most hourly, at most daily, or never.
 */
public enum EmailFrequency {
  SOON(Duration.ZERO),
  HOURLY(Duration.ofHours(1)),
  DAILY(Duration.ofDays(1)),
  NEVER(Duration.ZERO);

  /** The least time between two emails. */
  public final Duration period;

  EmailFrequency(Duration period) {
    this.period = period;
  }

  public static EmailFrequency of(String value) {
    for (EmailFrequency f : values()) {
      if (f.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return f;
      }
    }
    throw DomainException.invalid("frequency is soon, hourly, daily or never");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
