package io.parley.later;

import io.parley.common.DomainException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When "remind me" or "send later" means, in the person's own time zone: in 20 minutes, in an hour,
 * tomorrow at 9:00, or a date and time they typed ({@code 2026-12-24T09:30}).
 */
public final class ReminderTimes {

  private ReminderTimes() {}

  public static Instant at(String choice, String custom, String zone, Instant now) {
    ZoneId where = zone(zone);
    return switch (choice == null ? "" : choice) {
      case "20m" -> now.plus(Duration.ofMinutes(20));
      case "1h" -> now.plus(Duration.ofHours(1));
      case "3h" -> now.plus(Duration.ofHours(3));
      case "tomorrow" ->
          now.atZone(where)
              .toLocalDate()
              .plusDays(1)
              .atTime(LocalTime.of(9, 0))
              .atZone(where)
              .toInstant();
      case "custom", "" -> custom(custom, where);
      default -> throw DomainException.invalid("choose 20m, 1h, 3h, tomorrow or a time");
    };
  }

  private static Instant custom(String value, ZoneId where) {
    if (value == null || value.isBlank() || value.length() > 40) {
      throw DomainException.invalid("give a date and time, like 2026-12-24T09:30");
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(where).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("give a date and time, like 2026-12-24T09:30");
    }
  }

  /** The browser's time zone (IANA name), or UTC when it sent none or one unknown here. */
  static ZoneId zone(String zone) {
    if (zone == null || zone.isBlank() || zone.length() > 64) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
