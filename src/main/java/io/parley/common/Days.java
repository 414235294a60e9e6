package io.parley.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Calendar days typed by people (search filters, the audit console): YYYY-MM-DD, years 1–9999. */
public final class Days {

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private Days() {}

  /**
   * The day, or a clear refusal naming {@code what}. Only four-digit years: a day such as
   * +999999999-12-31 parses, but no instant or index holds it.
   */
  public static LocalDate parse(String value, String what) {
    String v = value == null ? "" : value.strip();
    if (DAY.matcher(v).matches()) {
      try {
        LocalDate day = LocalDate.parse(v);
        if (day.getYear() >= 1) {
          return day;
        }
      } catch (DateTimeParseException e) {
        // falls through to the refusal
      }
    }
    throw DomainException.invalid(what + " takes a date, YYYY-MM-DD");
  }
}
