package io.parley.security;

/** A valid token of a person whose access an administrator withdrew: refused with 403, not 401. */
public class AccessWithdrawnException extends InvalidTokenException {
  public AccessWithdrawnException(String message) {
    super(message);
  }
}
