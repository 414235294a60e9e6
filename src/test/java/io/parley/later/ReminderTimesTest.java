package io.parley.later;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.common.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReminderTimesTest {

  private static final Instant NOW = Instant.parse("2026-12-08T22:30:00Z");

  @Test
  void relativeChoicesCountFromNow() {
    assertEquals(NOW.plusSeconds(1200), ReminderTimes.at("20m", null, "Europe/Berlin", NOW));
    assertEquals(NOW.plusSeconds(3600), ReminderTimes.at("1h", null, null, NOW));
  }

  @Test
  void tomorrowAtNineIsInThePersonsTimeZone() {
    // 22:30 UTC is already 9 December in Tokyo: tomorrow there is the 10th, 9:00 = 00:00 UTC.
    assertEquals(
        Instant.parse("2026-12-10T00:00:00Z"),
        ReminderTimes.at("tomorrow", null, "Asia/Tokyo", NOW));
    assertEquals(
        Instant.parse("2026-12-09T08:00:00Z"),
        ReminderTimes.at("tomorrow", null, "Europe/Berlin", NOW));
    assertEquals(
        Instant.parse("2026-12-09T09:00:00Z"),
        ReminderTimes.at("tomorrow", null, "Not/AZone", NOW),
        "an unknown zone is UTC");
  }

  @Test
  void aTypedTimeIsReadInTheZoneAndNonsenseIsRefused() {
    assertEquals(
        Instant.parse("2026-12-24T08:30:00Z"),
        ReminderTimes.at("custom", "2026-12-24T09:30", "Europe/Paris", NOW));
    assertThrows(DomainException.class, () -> ReminderTimes.at("custom", "soon", "UTC", NOW));
    assertThrows(DomainException.class, () -> ReminderTimes.at("custom", "", "UTC", NOW));
    assertThrows(DomainException.class, () -> ReminderTimes.at("1y", null, "UTC", NOW));
  }
}
