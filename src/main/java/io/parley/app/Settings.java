package io.parley.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Parley's settings, read once from MicroProfile Config (defaults in
 * microprofile-config.properties).
 */
@ApplicationScoped
public class Settings {

  @Inject
  @ConfigProperty(name = "mongo.uri")
  Optional<String> mongoUri;

  @Inject
  @ConfigProperty(name = "mongo.database")
  String mongoDatabase;

  @Inject
  @ConfigProperty(name = "parley.data.dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = "parley.embedded-mongo.host")
  String embeddedMongoHost;

  @Inject
  @ConfigProperty(name = "parley.embedded-mongo.port")
  int embeddedMongoPort;

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
  @ConfigProperty(name = "parley.https.redirect")
  boolean httpsRedirect;

  @Inject
  @ConfigProperty(name = "parley.roles.admin-groups")
  Optional<String> adminGroups;

  @Inject
  @ConfigProperty(name = "parley.roles.moderator-groups")
  Optional<String> moderatorGroups;

  @Inject
  @ConfigProperty(name = "parley.limits.messages.burst")
  int messageBurst;

  @Inject
  @ConfigProperty(name = "parley.limits.messages.per-minute")
  int messagesPerMinute;

  @Inject
  @ConfigProperty(name = "parley.limits.handshakes.burst")
  int handshakeBurst;

  @Inject
  @ConfigProperty(name = "parley.limits.handshakes.per-minute")
  int handshakesPerMinute;

  @Inject
  @ConfigProperty(name = "parley.limits.api.burst")
  int apiBurst;

  @Inject
  @ConfigProperty(name = "parley.limits.api.per-minute")
  int apiPerMinute;

  @Inject
  @ConfigProperty(name = "parley.limits.sockets-per-user")
  int socketsPerUser;

  @Inject
  @ConfigProperty(name = "parley.trusted-proxies")
  Optional<String> trustedProxies;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.cluster-name")
  String clusterName;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.interface")
  String hazelcastInterface;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.port")
  int hazelcastPort;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.members")
  String hazelcastMembers;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.kubernetes.service-dns")
  Optional<String> hazelcastKubernetesServiceDns;

  @Inject
  @ConfigProperty(name = "parley.hazelcast.max-no-heartbeat-seconds")
  int hazelcastMaxNoHeartbeatSeconds;

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
  @ConfigProperty(name = "parley.allowed-origins")
  Optional<String> allowedOrigins;

  @Inject
  @ConfigProperty(name = "parley.public-url")
  String publicUrl;

  public Optional<String> mongoUri() {
    return mongoUri.filter(s -> !s.isBlank());
  }

  public String mongoDatabase() {
    return mongoDatabase;
  }

  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath();
  }

  public String embeddedMongoHost() {
    return embeddedMongoHost;
  }

  public int embeddedMongoPort() {
    return embeddedMongoPort;
  }

  public String clusterName() {
    return clusterName;
  }

  public String hazelcastInterface() {
    return hazelcastInterface;
  }

  public int hazelcastPort() {
    return hazelcastPort;
  }

  public List<String> hazelcastMembers() {
    return split(hazelcastMembers).stream().toList();
  }

  /** On Kubernetes: the DNS name of the headless service whose endpoints are the members. */
  public Optional<String> hazelcastKubernetesServiceDns() {
    return hazelcastKubernetesServiceDns.filter(s -> !s.isBlank());
  }

  public int hazelcastMaxNoHeartbeatSeconds() {
    return hazelcastMaxNoHeartbeatSeconds;
  }

  public boolean httpsRedirect() {
    return httpsRedirect;
  }

  /** Global roles from IdP groups. */
  public io.parley.users.Roles roles() {
    return new io.parley.users.Roles(
        split(adminGroups.orElse("")), split(moderatorGroups.orElse("")));
  }

  /** A limit: {@code burst} at once, refilled at {@code perMinute}. */
  public record Limit(int burst, int perMinute) {}

  public Limit messageLimit() {
    return new Limit(messageBurst, messagesPerMinute);
  }

  public Limit handshakeLimit() {
    return new Limit(handshakeBurst, handshakesPerMinute);
  }

  public Limit apiLimit() {
    return new Limit(apiBurst, apiPerMinute);
  }

  public int socketsPerUser() {
    return socketsPerUser;
  }

  /** Behind a reverse proxy: count handshakes by the client address the proxy reports. */
  /** The reverse proxies whose X-Forwarded-Proto/-For count (addresses or CIDR blocks). */
  public io.parley.security.TrustedProxies trustedProxies() {
    if (parsedProxies == null) {
      parsedProxies = io.parley.security.TrustedProxies.of(split(trustedProxies.orElse("")));
    }
    return parsedProxies;
  }

  private volatile io.parley.security.TrustedProxies parsedProxies;

  /** The company IdP's issuer URL when browsers sign in through OpenID Connect. */
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
    return split(tokenAudiences.orElse(""));
  }

  public boolean devSignIn() {
    return devSignIn;
  }

  public Duration devTokenLifetime() {
    return Duration.ofMinutes(devTokenLifetimeMinutes);
  }

  public Set<String> allowedOrigins() {
    return split(allowedOrigins.orElse(""));
  }

  public String publicUrl() {
    return publicUrl;
  }

  private static Set<String> split(String csv) {
    return Arrays.stream(csv.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
