package io.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DaysTest {

  @Test
  void fourDigitYearsOnly() {
    assertEquals(LocalDate.of(2026, 12, 7), Days.parse(" 2026-12-07 ", "after:"));
    for (String bad :
        new String[] {
          "+999999999-12-31", "-999999999-01-01", "99999-01-01", "2026-02-30", "", null
        }) {
      DomainException e = assertThrows(DomainException.class, () -> Days.parse(bad, "after:"));
      assertEquals("after: takes a date, YYYY-MM-DD", e.getMessage());
    }
  }
}
