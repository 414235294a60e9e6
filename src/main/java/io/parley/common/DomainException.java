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
  private final boolean moderation;

  public DomainException(Kind kind, String message) {
    this(kind, message, 0, false);
  }

  private DomainException(Kind kind, String message, long retryAfterSeconds, boolean moderation) {
    super(message);
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
    this.moderation = moderation;
  }

  /** Whether a moderation decision refused it (a mute, a read-only or archived room). */
  public boolean moderation() {
    return moderation;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static DomainException rateLimited(String what, long retryAfterSeconds) {
    return new DomainException(
        Kind.RATE_LIMITED,
        what + " too fast: wait " + retryAfterSeconds + " s and try again (nothing was stored)",
        retryAfterSeconds,
        false);
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

  /** Forbidden by a moderation decision: the person may not post here now. */
  public static DomainException moderated(String message) {
    return new DomainException(Kind.FORBIDDEN, message, 0, true);
  }
}
