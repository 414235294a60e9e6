package io.parley.common;

import java.time.Duration;

/** Limits shared by the whole cluster, so a client cannot get around one by changing node. */
public interface RateLimits {

  /** What is limited, and per what. */
  enum Kind {
    /** messages per user per room */
    MESSAGES,
    /** WebSocket handshakes per client IP */
    HANDSHAKES,
    /** API calls per signed-in person */
    API
  }

  /** The answer to one attempt: allowed, or refused with the time until it would be. */
  record Verdict(boolean allowed, Duration retryAfter) {
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  /** Takes one token from the bucket of {@code key}. */
  Verdict tryAcquire(Kind kind, String key);
}
