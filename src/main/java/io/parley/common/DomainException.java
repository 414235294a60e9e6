package io.parley.common;

/** A request the domain refuses; adapters map each kind to a protocol status. */
public class DomainException extends RuntimeException {

  /** Why the request was refused. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    /** Too many requests; {@link #retryAfterSeconds()} says when to try again. */
    RATE_LIMITED
  }

  private final Kind kind;
  private final long retryAfterSeconds;

  public DomainException(Kind kind, String message) {
    this(kind, message, 0);
  }

  private DomainException(Kind kind, String message, long retryAfterSeconds) {
    super(message);
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static DomainException rateLimited(String what, long retryAfterSeconds) {
    return new DomainException(
        Kind.RATE_LIMITED,
        what + " too fast: wait " + retryAfterSeconds + " s and try again (nothing was stored)",
        retryAfterSeconds);
  }

  public Kind kind() {
    return kind;
  }

  public static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID, message);
  }

  public static DomainException notFound(String message) {
    return new DomainException(Kind.NOT_FOUND, message);
  }

  public static DomainException conflict(String message) {
    return new DomainException(Kind.CONFLICT, message);
  }

  public static DomainException forbidden(String message) {
    return new DomainException(Kind.FORBIDDEN, message);
  }
}
