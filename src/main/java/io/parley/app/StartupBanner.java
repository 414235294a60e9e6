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
  @Inject WarmUp warmUp;

  /**
   * Liberty's {@code https.port} variable as server.xml resolves it (its default, or {@code
   * HTTPS_PORT}, or a bootstrap property): Liberty offers its variables to MicroProfile Config.
   */
  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "https.port", defaultValue = "9443")
  String httpsPort;

  private volatile boolean started;

  /** Whether the application has initialised (the startup probe's answer). */
  public boolean started() {
    return started;
  }

  /**
   * On a fresh installation Liberty creates its certificate and opens the HTTPS port only after the
   * application started; "ready" must not be said before people can connect (the package's first
   * start showed it ~1 s early). Waits up to two minutes for the port to accept.
   */
  private void awaitHttpsListening() {
    int port;
    try {
      port = Integer.parseInt(httpsPort.strip());
    } catch (NumberFormatException e) {
      return; // not a port number: nothing to wait for
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(new java.net.InetSocketAddress("localhost", port), 1000);
        return;
      } catch (java.io.IOException notYet) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    LOG.warning("The HTTPS port " + port + " is not accepting connections yet");
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
    warmUp.run();
    awaitHttpsListening();
    LOG.info(
        () ->
            "Parley is ready: open "
                + web.publicUrl()
                + (security.devSignIn() ? " (development sign-in is ON)" : ""));
  }
}
