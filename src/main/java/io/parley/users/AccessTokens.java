package io.parley.users;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Personal access tokens, for scripts, and bot accounts with tokens of their own, made by
 * administrators: {@code parley_pat_<16 hex id>_<secret>}, shown once, kept as a SHA-256, scoped
 * (read; read and post; admin), expiring (at most a year), listed with their last use, revocable. A
 * token acts as its person through the API and the socket only. Only an admin-scoped token carries
 * its person's administrator role, and only while the identity provider says they are one (the
 * groups of their last verified token, kept until it expires): a token never outlives the IdP's
 * decision. Revoking one closes the person's open sockets, so none outlives it.
 */
public final class AccessTokens {

  public static final String PREFIX = "parley_pat_";
  public static final int MAX_DAYS = 365;
  public static final int MAX_PER_PERSON = 20;
  private static final int ID_HEX = 16;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String NO_TOKEN = hash("no token has this secret");

  /** Last use is written at most this often per token. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** A token just made: the whole token string is in this answer only. */
  public record Issued(AccessToken token, String secret) {}

  private final AccessTokenStore store;
  private final UserService users;
  private final AuditLog audit;
  private final Clock clock;
  private final Consumer<String> closeSocketsOf;

  public AccessTokens(
      AccessTokenStore store,
      UserService users,
      AuditLog audit,
      Clock clock,
      Consumer<String> closeSocketsOf) {
    this.store = store;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.closeSocketsOf = closeSocketsOf;
  }

  /** An administrator makes a bot account (it has no sign-in; it acts through its tokens). */
  public User createBot(String actorId, String name) {
    requireAdmin(actorId);
    String shown = Text.requireName(name, "name", UserService.MAX_NAME);
    String handle =
        shown
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", "-")
            .replaceAll("^-+|-+$", "");
    User bot =
        users.createBot(
            "bot:" + HexFormat.of().formatHex(random(8)),
            (handle.isEmpty() ? "bot" : handle.substring(0, Math.min(30, handle.length())))
                + "-bot",
            shown,
            actorId);
    audit.record(
        new AuditEntry(
            clock.instant(),
            "bot.created",
            actorId,
            bot.id(),
            null,
            null,
            Map.of("username", bot.username())));
    return bot;
  }

  /** A token for {@code ownerId}: the person themself, or an administrator for a bot. */
  public Issued create(
      String actorId, String ownerId, String name, Set<AccessToken.Scope> scopes, int days) {
    requireManager(actorId, ownerId);
    String label = Text.requireName(name, "name", 60);
    if (scopes.isEmpty()) {
      throw DomainException.invalid("choose what the token may do: read, or read and post");
    }
    if (scopes.contains(AccessToken.Scope.ADMIN)
        && !(actorId.equals(ownerId) && users.isAdministrator(actorId))) {
      throw DomainException.forbidden("only administrators make admin tokens, for themselves");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw DomainException.invalid("a token lasts 1 to " + MAX_DAYS + " days");
    }
    if (store.of(ownerId).size() >= MAX_PER_PERSON) {
      throw DomainException.conflict("at most " + MAX_PER_PERSON + " tokens: revoke one first");
    }
    String id = HexFormat.of().formatHex(random(ID_HEX / 2));
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AccessToken token =
        new AccessToken(
            id,
            ownerId,
            label,
            scopes,
            hash(secret),
            actorId,
            now,
            now.plus(Duration.ofDays(days)),
            null);
    store.save(token);
    record("token.created", actorId, token);
    return new Issued(token, PREFIX + id + "_" + secret);
  }

  /** The tokens of {@code ownerId}, for them (or an administrator, for a bot). */
  public List<AccessToken> of(String actorId, String ownerId) {
    requireManager(actorId, ownerId);
    return store.of(ownerId);
  }

  /** The token stops working at once; the owner's open sockets close (pages reconnect). */
  public void revoke(String actorId, String tokenId) {
    AccessToken token =
        store.find(tokenId).orElseThrow(() -> DomainException.notFound("no such token"));
    try {
      requireManager(actorId, token.userId());
    } catch (DomainException e) {
      throw DomainException.notFound("no such token");
    }
    store.delete(token.id());
    closeSocketsOf.accept(token.userId());
    record("token.revoked", actorId, token);
  }

  /** Whether {@code presented} looks like an access token (not an identity provider's JWT). */
  public static boolean isAccessToken(String presented) {
    return presented != null && presented.startsWith(PREFIX);
  }

  /**
   * The token {@code presented} is, if it is valid now (else "not found"). An unknown id and a
   * wrong secret take the same time (the hash is compared either way).
   */
  public AccessToken verify(String presented) {
    String rest = presented.substring(PREFIX.length());
    if (rest.length() < ID_HEX + 2 || rest.charAt(ID_HEX) != '_') {
      throw DomainException.notFound("not a valid access token");
    }
    String id = rest.substring(0, ID_HEX);
    AccessToken token = id.matches("[0-9a-f]+") ? store.find(id).orElse(null) : null;
    boolean matches =
        MessageDigest.isEqual(
            hash(rest.substring(ID_HEX + 1)).getBytes(StandardCharsets.US_ASCII),
            (token == null ? NO_TOKEN : token.secretHash()).getBytes(StandardCharsets.US_ASCII));
    if (token == null || !matches) {
      throw DomainException.notFound("not a valid access token");
    }
    Instant now = clock.instant();
    if (token.expiredAt(now)) {
      throw DomainException.notFound("the access token expired: make a new one");
    }
    if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
      store.touch(token.id(), now.truncatedTo(ChronoUnit.MILLIS));
    }
    return token;
  }

  private void requireManager(String actorId, String ownerId) {
    if (actorId.equals(ownerId)) {
      return;
    }
    User owner = users.require(ownerId);
    if (!owner.bot() || !users.isAdministrator(actorId)) {
      throw DomainException.forbidden("you manage only your own tokens (administrators: bots')");
    }
  }

  private void requireAdmin(String actorId) {
    if (!users.isAdministrator(actorId)) {
      throw DomainException.forbidden("only administrators can do that");
    }
  }

  private void record(String action, String actorId, AccessToken token) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            action,
            actorId,
            token.userId(),
            null,
            null,
            Map.of(
                "token", token.id(), "name", token.name(), "scopes", token.scopes().toString())));
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
