package io.parley.security;

import io.parley.app.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The development sign-in, present only when {@code parley.dev-sign-in.enabled} is true and no
 * identity provider is configured: with single sign-on, nobody signs in by typing a name.
 */
@ApplicationScoped
public class DevSignIn {

  private static final Logger LOG = Logger.getLogger(DevSignIn.class.getName());

  @Inject Settings settings;
  @Inject Clock clock;

  private DevTokenIssuer issuer;

  @PostConstruct
  void init() {
    if (settings.devSignIn() && settings.oidcIssuer().isPresent()) {
      LOG.warning("Development sign-in stays OFF: an identity provider is configured.");
    } else if (settings.devSignIn()) {
      issuer =
          new DevTokenIssuer(
              DevTokenIssuer.loadOrCreateKey(settings.dataDir().resolve("dev-signing-key.json")),
              settings.tokenIssuer(),
              settings.tokenAudiences().stream().findFirst().orElse("parley"),
              settings.devTokenLifetime(),
              clock);
      LOG.warning(
          "Development sign-in is ON: anyone can sign in as anyone. Turn it off in production.");
    }
  }

  public Optional<DevTokenIssuer> issuer() {
    return Optional.ofNullable(issuer);
  }
}
