package io.parley.messaging;

import io.parley.common.DomainException;

/**
 * Which page of a room's history to read: the newest messages, those before a seq (scrolling up),
 * or those after a seq (catching up).
 */
public record HistoryQuery(Long before, Long after, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public HistoryQuery {
    if (before != null && after != null) {
      throw DomainException.invalid("give either before or after, not both");
    }
    if ((before != null && before < 1) || (after != null && after < 0)) {
      throw DomainException.invalid("before must be at least 1 and after at least 0");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw DomainException.invalid("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  public static HistoryQuery latest() {
    return new HistoryQuery(null, null, DEFAULT_LIMIT);
  }
}
