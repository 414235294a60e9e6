package io.parley.app;

import io.parley.mongo.MongoConnection;
import io.parley.security.Authenticator;
import io.parley.security.InvalidTokenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Connects the stores eagerly at start-up, loads the token keys, and only then tells the operator
 * that Parley is ready and where it answers. The keys may come from this very server (the
 * development sign-in's JWKS), which answers only once the application has started, so they are
 * fetched on a thread of their own, retried until they load.
 */
@ApplicationScoped
public class StartupBanner {

  private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());
  private static final long MAX_RETRY_MILLIS = 2_000;

  @Inject io.parley.web.WebSettings web;
  @Inject io.parley.security.SecuritySettings security;
  @Inject MongoConnection mongo;
  @Inject Authenticator authenticator;

  private volatile boolean started;

  /** Whether the application has initialised (the startup probe's answer). */
  public boolean started() {
    return started;
  }

  void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    mongo.database(); // fail fast if MongoDB is unreachable
    started = true;
    Thread loader = new Thread(this::loadKeysThenAnnounce, "parley-token-keys");
    loader.setDaemon(true);
    loader.start();
  }

  private void loadKeysThenAnnounce() {
    long wait = 100;
    String lastProblem = null;
    while (!authenticator.keysLoaded()) {
      try {
        authenticator.loadKeys();
      } catch (InvalidTokenException e) {
        if (!e.getMessage().equals(lastProblem) && wait >= MAX_RETRY_MILLIS) {
          LOG.warning("Token keys not loaded yet, retrying: " + e.getMessage());
          lastProblem = e.getMessage();
        }
        try {
          Thread.sleep(wait);
        } catch (InterruptedException stop) {
          return;
        }
        wait = Math.min(wait * 2, MAX_RETRY_MILLIS);
      }
    }
    LOG.info(
        () ->
            "Parley is ready: open "
                + web.publicUrl()
                + (security.devSignIn() ? " (development sign-in is ON)" : ""));
  }
}
