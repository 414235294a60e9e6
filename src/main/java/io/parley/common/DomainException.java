package io.parley.common;

/** A request the domain refuses; adapters map each kind to a protocol status. */
public class DomainException extends RuntimeException {

  /** Why the request was refused. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT
  }

  private final Kind kind;

  public DomainException(Kind kind, String message) {
    super(message);
    this.kind = kind;
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

  public static DomainException forbidden(String message) {
    return new DomainException(Kind.FORBIDDEN, message);
  }
}
