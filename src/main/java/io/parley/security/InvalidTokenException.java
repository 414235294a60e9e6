package io.parley.security;

/** A token that is missing, malformed, expired, or not signed by the configured issuer. */
public class InvalidTokenException extends Exception {
  public InvalidTokenException(String message) {
    super(message);
  }
}
