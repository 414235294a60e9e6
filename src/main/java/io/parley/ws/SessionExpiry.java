package io.parley.ws;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A socket lives no longer than the sign-in it was opened with: when the token expires the socket
 * is closed with {@link #EXPIRED} and the page signs in again, then catches up.
 */
@ApplicationScoped
public class SessionExpiry {

  /** Close code: the sign-in expired; sign in again and reconnect. */
  public static final int EXPIRED = 4401;

  /** Close code: this person's access was revoked (disabled or banned). */
  public static final int REVOKED = 4403;

  private static final Logger LOG = Logger.getLogger(SessionExpiry.class.getName());

  private final ScheduledExecutorService timer = Schedulers.daemon("parley-session-expiry");
  private final Clock clock = Clock.systemUTC();

  /** Closes the socket when {@code expiresAt} comes; cancel the returned future on close. */
  ScheduledFuture<?> closeAt(Session session, Instant expiresAt) {
    long delay = Math.max(0, Duration.between(clock.instant(), expiresAt).toMillis());
    return timer.schedule(
        () -> close(session, EXPIRED, "sign-in expired"), delay, TimeUnit.MILLISECONDS);
  }

  static void close(Session session, int code, String reason) {
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
      }
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "closing a socket", e);
    }
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }
}
