package io.parley.security;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sign-ins, sign-outs and refused authentication in the audit log. Refusals are recorded at most
 * once a minute per source address on each node (with how many were refused since), so a flood of
 * bad tokens cannot fill the log.
 */
@ApplicationScoped
public class AuthAudit {

  static final Duration REFUSALS_EVERY = Duration.ofMinutes(1);
  static final int MAX_SOURCES = 10_000;

  @Inject AuditLog audit;
  @Inject Clock clock;

  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

  /** Refusals from one source since its last record. */
  private record Window(long startMillis, int refused) {}

  public void signedIn(String userId, String method, String client) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            "auth.sign-in",
            userId,
            null,
            null,
            null,
            Map.of("method", method),
            null,
            client));
  }

  public void signedOut(String userId, String client) {
    audit.record(
        new AuditEntry(
            clock.instant(), "auth.sign-out", userId, null, null, null, Map.of(), null, client));
  }

  /** A token presented and refused (bad, expired, signed out, withdrawn access). */
  public void refused(String client, String why) {
    String source = client == null ? "unknown" : client;
    long now = clock.millis();
    Window window =
        windows.compute(
            source,
            (k, w) ->
                w == null || now - w.startMillis() >= REFUSALS_EVERY.toMillis()
                    ? new Window(now, 1)
                    : new Window(w.startMillis(), w.refused() + 1));
    if (window.refused() != 1) {
      return; // counted; recorded with the next window's first refusal
    }
    if (windows.size() > MAX_SOURCES) {
      windows.values().removeIf(w -> now - w.startMillis() >= REFUSALS_EVERY.toMillis());
    }
    audit.record(
        new AuditEntry(
            clock.instant(),
            "auth.refused",
            null,
            null,
            null,
            why,
            Map.of("recordedAtMostEvery", REFUSALS_EVERY.toSeconds() + " s per source and node"),
            null,
            source));
  }
}
