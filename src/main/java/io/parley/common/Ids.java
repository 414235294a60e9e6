package io.parley.common;

import java.util.UUID;
import java.util.regex.Pattern;

/** Server-generated identifiers and the shape accepted for identifiers that clients send. */
public final class Ids {

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private Ids() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * True for ids this server generates or clients may send; anything else never reaches a query.
   */
  public static boolean isWellFormed(String id) {
    return id != null && SERVER_ID.matcher(id).matches();
  }

  public static String requireClientId(String value, String what) {
    if (value == null || !CLIENT_ID.matcher(value).matches()) {
      throw DomainException.invalid(
          what + " must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
    }
    return value;
  }
}
