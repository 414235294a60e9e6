package io.parley.security;

import io.parley.common.Text;
import io.parley.users.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may sign in and how tokens are checked: the IdP, token issuer/keys/audiences, the development
 * sign-in, which IdP groups are admins and moderators, allowed origins and trusted proxies.
 */
@ApplicationScoped
public class SecuritySettings {

  @Inject
  @ConfigProperty(name = "parley.oidc.issuer")
  Optional<String> oidcIssuer;

  @Inject
  @ConfigProperty(name = "parley.oidc.client-id")
  Optional<String> oidcClientId;

  @Inject
  @ConfigProperty(name = "parley.oidc.client-secret")
  Optional<String> oidcClientSecret;

  @Inject
  @ConfigProperty(name = "parley.oidc.scope")
  String oidcScope;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String tokenIssuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  String tokenKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<String> tokenAudiences;

  @Inject
  @ConfigProperty(name = "parley.dev-sign-in.enabled")
  boolean devSignIn;

  @Inject
  @ConfigProperty(name = "parley.dev-sign-in.token-lifetime-minutes")
  long devTokenLifetimeMinutes;

  @Inject
  @ConfigProperty(name = "parley.data.dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = "parley.roles.admin-groups")
  Optional<String> adminGroups;

  @Inject
  @ConfigProperty(name = "parley.roles.moderator-groups")
  Optional<String> moderatorGroups;

  @Inject
  @ConfigProperty(name = "parley.roles.guest-groups")
  Optional<String> guestGroups;

  @Inject
  @ConfigProperty(name = "parley.allowed-origins")
  Optional<String> allowedOrigins;

  @Inject
  @ConfigProperty(name = "parley.trusted-proxies")
  Optional<String> trustedProxies;

  private volatile TrustedProxies parsedProxies;

  public Optional<String> oidcIssuer() {
    return oidcIssuer.filter(s -> !s.isBlank());
  }

  public String oidcClientId() {
    return oidcClientId.orElse("parley");
  }

  public String oidcClientSecret() {
    return oidcClientSecret.orElse("");
  }

  public String oidcScope() {
    return oidcScope;
  }

  public String tokenIssuer() {
    return tokenIssuer;
  }

  public String tokenKeyLocation() {
    return tokenKeyLocation;
  }

  public Set<String> tokenAudiences() {
    return Text.splitList(tokenAudiences.orElse(""));
  }

  public boolean devSignIn() {
    return devSignIn;
  }

  public Duration devTokenLifetime() {
    return Duration.ofMinutes(devTokenLifetimeMinutes);
  }

  /** Where the development sign-in keeps its signing key. */
  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath();
  }

  public Roles roles() {
    return new Roles(
        Text.splitList(adminGroups.orElse("")),
        Text.splitList(moderatorGroups.orElse("")),
        Text.splitList(guestGroups.orElse("")));
  }

  public Set<String> allowedOrigins() {
    return Text.splitList(allowedOrigins.orElse(""));
  }

  public TrustedProxies trustedProxies() {
    if (parsedProxies == null) {
      parsedProxies = TrustedProxies.of(Text.splitList(trustedProxies.orElse("")));
    }
    return parsedProxies;
  }
}
