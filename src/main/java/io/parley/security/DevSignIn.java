package io.parley.security;

import io.parley.common.DomainException;
import io.parley.users.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The development sign-in, present only when {@code parley.dev-sign-in.enabled} is true and no
 * identity provider is configured: with single sign-on, nobody signs in by typing a name.
 */
@ApplicationScoped
public class DevSignIn {

  private static final Logger LOG = Logger.getLogger(DevSignIn.class.getName());

  @Inject SecuritySettings settings;
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

  /**
   * The IdP groups a development user gets for the role chosen on the sign-in page, so moderation
   * and administration can be tried locally: {@code member} (none), {@code moderator} (the first
   * configured moderator group) or {@code admin} (the first admin group).
   */
  public List<String> groupsFor(String role) {
    Roles roles = settings.roles();
    return switch (role == null || role.isBlank() ? "member" : role) {
      case "member" -> List.of();
      case "moderator" -> first(roles.moderatorGroups());
      case "admin" -> first(roles.adminGroups());
      case "guest" -> first(roles.guestGroups());
      default -> throw DomainException.invalid("choose member, guest, moderator or admin");
    };
  }

  private static List<String> first(java.util.Set<String> groups) {
    return groups.stream().sorted().limit(1).toList();
  }

  public Optional<DevTokenIssuer> issuer() {
    return Optional.ofNullable(issuer);
  }
}
