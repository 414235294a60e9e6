package io.parley.files;

import io.parley.common.DomainException;

/** A file over the configured limit: nothing of it was kept. */
public class FileTooLargeException extends DomainException {

  public FileTooLargeException(long maxBytes) {
    super(Kind.INVALID, "a file may be at most " + maxBytes / (1024 * 1024) + " MB");
  }
}
