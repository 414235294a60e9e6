package io.parley.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.mongo.MongoAccessTokenStore;
import io.parley.mongo.MongoAvatarStore;
import io.parley.mongo.MongoUserDirectory;
import io.parley.testing.RecordingAuditLog;
import io.parley.testing.TestRoles;
import io.parley.testing.WireStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Personal access tokens and bots' tokens over the real stores (wire protocol, in memory). */
class AccessTokensTest {

  private final WireStore wire = new WireStore();
  private Instant now = Instant.parse("2026-12-08T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final UserService users =
      new UserService(
          new MongoUserDirectory(wire.db()), new MongoAvatarStore(wire.db()), clock, () -> "v");
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final List<String> closed = new ArrayList<>();
  private final AccessTokens tokens =
      new AccessTokens(new MongoAccessTokenStore(wire.db()), users, audit, clock, closed::add);

  AccessTokensTest() {
    TestRoles.give(users, Set.of("root"), Set.of());
    for (String who : List.of("ada", "bob", "root")) {
      users.signIn(new UserClaims(who, who, who + "@x", who, Set.of()));
    }
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  @Test
  void aTokenIsShownOnceKeptHashedAndVerifiesUntilItExpires() {
    var issued = tokens.create("ada", "ada", "deploy", EnumSet.of(AccessToken.Scope.READ), 7);
    assertTrue(
        issued.secret().matches("parley_pat_[0-9a-f]{16}_[A-Za-z0-9_-]{43}"), issued.secret());
    assertTrue(!issued.secret().contains(issued.token().secretHash()));
    AccessToken verified = tokens.verify(issued.secret());
    assertEquals("ada", verified.userId());
    assertEquals(EnumSet.of(AccessToken.Scope.READ), verified.scopes());
    assertEquals(now, tokens.of("ada", "ada").get(0).lastUsedAt(), "its use is listed");

    String wrongSecret = issued.secret().substring(0, issued.secret().length() - 1) + "x";
    assertThrows(DomainException.class, () -> tokens.verify(wrongSecret));
    assertThrows(
        DomainException.class,
        () -> tokens.verify("parley_pat_0123456789abcdef_" + "a".repeat(43)));
    assertThrows(DomainException.class, () -> tokens.verify("parley_pat_short"));

    now = now.plus(Duration.ofDays(7));
    var expired = assertThrows(DomainException.class, () -> tokens.verify(issued.secret()));
    assertTrue(expired.getMessage().contains("expired"));
  }

  @Test
  void revokingStopsTheTokenAtOnceAndClosesItsPersonsSockets() {
    var issued =
        tokens.create(
            "ada", "ada", "bot", EnumSet.of(AccessToken.Scope.READ, AccessToken.Scope.POST), 30);
    tokens.revoke("ada", issued.token().id());
    assertThrows(DomainException.class, () -> tokens.verify(issued.secret()));
    assertEquals(List.of("ada"), closed);
    assertEquals(
        List.of("token.created", "token.revoked"),
        audit.entries().stream().map(e -> e.action()).toList());
  }

  @Test
  void peopleManageTheirOwnTokensAndAdministratorsTheBotsOnly() {
    var adas = tokens.create("ada", "ada", "mine", EnumSet.of(AccessToken.Scope.READ), 30);
    assertThrows(DomainException.class, () -> tokens.of("bob", "ada"));
    assertThrows(DomainException.class, () -> tokens.of("root", "ada"), "not even an admin");
    var notFound =
        assertThrows(DomainException.class, () -> tokens.revoke("bob", adas.token().id()));
    assertEquals(DomainException.Kind.NOT_FOUND, notFound.kind());

    assertThrows(DomainException.class, () -> tokens.createBot("ada", "Release bot"));
    User bot = tokens.createBot("root", "Release bot");
    assertTrue(bot.bot());
    assertEquals("release-bot-bot", bot.username());
    assertEquals("Bot of @root", bot.status(), "its owner, on its card");
    var botToken =
        tokens.create(
            "root",
            bot.id(),
            "ci",
            EnumSet.of(AccessToken.Scope.READ, AccessToken.Scope.POST),
            365);
    assertEquals(bot.id(), botToken.token().userId());
    assertThrows(
        DomainException.class,
        () -> tokens.create("ada", bot.id(), "steal", EnumSet.of(AccessToken.Scope.READ), 1));
    assertThrows(
        DomainException.class,
        () -> users.signIn(new UserClaims(bot.id(), "x", "x@x", "X", Set.of())),
        "a bot never signs in");
  }

  @Test
  void onlyAnAdministratorMakesAnAdminTokenAndOnlyForThemself() {
    var mine = tokens.create("root", "root", "ops", EnumSet.allOf(AccessToken.Scope.class), 30);
    assertTrue(mine.token().scopes().contains(AccessToken.Scope.ADMIN));
    assertThrows(
        DomainException.class,
        () -> tokens.create("ada", "ada", "x", EnumSet.allOf(AccessToken.Scope.class), 30));
    User bot = tokens.createBot("root", "Helper");
    assertThrows(
        DomainException.class,
        () -> tokens.create("root", bot.id(), "x", EnumSet.allOf(AccessToken.Scope.class), 30),
        "a bot never administers");
  }

  @Test
  void scopesAndLifetimesAreRequired() {
    assertThrows(
        DomainException.class,
        () -> tokens.create("ada", "ada", "x", EnumSet.noneOf(AccessToken.Scope.class), 30));
    assertThrows(
        DomainException.class,
        () -> tokens.create("ada", "ada", "x", EnumSet.of(AccessToken.Scope.READ), 366));
    assertThrows(
        DomainException.class,
        () -> tokens.create("ada", "ada", "x", EnumSet.of(AccessToken.Scope.READ), 0));
    assertThrows(
        DomainException.class,
        () -> tokens.create("ada", "ada", " ", EnumSet.of(AccessToken.Scope.READ), 30));
  }
}
