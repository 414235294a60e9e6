package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.cluster.ClusterHarness;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import io.parley.sso.KeycloakHarness;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on against a real Keycloak: a person signs in on Keycloak's own login page and chats;
 * a bot uses a token from Keycloak's token endpoint on the API; the development sign-in is off on
 * this server, and its tokens are refused.
 */
class SsoIT {

  private static final int BASE_PORT = 9794; // the node listens on 9795 (the realm's redirect)

  @Test
  void peopleSignInThroughKeycloakAndBotsUseItsTokens() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    try (ClusterHarness server =
            new ClusterHarness(1, BASE_PORT, "sso")
                .withDefaultLimits()
                .withHttpsRedirect()
                .withEnv(
                    Map.of(
                        "PARLEY_OIDC_ISSUER",
                        KeycloakHarness.ISSUER,
                        "PARLEY_OIDC_CLIENT_ID",
                        "parley-web",
                        "PARLEY_OIDC_CLIENT_SECRET",
                        "parley-web-secret",
                        "MP_JWT_VERIFY_ISSUER",
                        KeycloakHarness.ISSUER,
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        KeycloakHarness.ISSUER + "/protocol/openid-connect/certs",
                        "MP_JWT_VERIFY_AUDIENCES",
                        "parley"));
        KeycloakHarness keycloak =
            KeycloakHarness.start(
                java.nio.file.Files.createDirectories(server.work()).resolve("keycloak.log"))) {
      server.startStore();
      server.startNode(1);
      keycloak.awaitReady(Duration.ofSeconds(180));
      server.awaitReady(1, 1, Duration.ofSeconds(180));
      String parley = server.nodeHttpsUrl(1);

      // HTTPS by default: plain HTTP pages redirect, plain HTTP posts are refused.
      var plain =
          Parley.send(HttpRequest.newBuilder(URI.create(server.nodeUrl(1) + "/rooms?x=1")).build());
      assertEquals(301, plain.statusCode());
      assertEquals(parley + "/rooms?x=1", plain.headers().firstValue("Location").orElse(""));
      assertEquals(
          403,
          Parley.send(
                  HttpRequest.newBuilder(URI.create(server.nodeUrl(1) + "/sign-out"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build())
              .statusCode());

      try (Browser ada = Browser.withJavaScript()) {
        ada.driver.get(parley + "/rooms");
        ada.wait.until(ExpectedConditions.urlContains("/sign-in"));
        assertTrue(ada.driver.findElements(By.id("name")).isEmpty(), "no development sign-in here");
        assertTrue(
            !ada.driver.findElements(By.id("sso")).isEmpty(),
            () -> ada.driver.getCurrentUrl() + " " + ada.driver.getPageSource());
        ada.driver.findElement(By.id("sso")).click();
        WebDriverWait slow = ada.waitUpTo(Duration.ofSeconds(30));
        try {
          slow.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        } catch (org.openqa.selenium.TimeoutException e) {
          throw new AssertionError(
              "no Keycloak login page at "
                  + ada.driver.getCurrentUrl()
                  + ": "
                  + ada.driver.getPageSource(),
              e);
        }
        assertTrue(ada.driver.getCurrentUrl().startsWith(KeycloakHarness.URL), "Keycloak's page");
        ada.driver.findElement(By.id("username")).sendKeys("ada");
        ada.driver.findElement(By.id("password")).sendKeys("ada-password" + Keys.ENTER);
        slow.until(ExpectedConditions.urlToBe(parley + "/rooms"));
        assertTrue(
            ada.driver
                .findElement(By.cssSelector(".topbar .who"))
                .getText()
                .contains("Ada Lovelace"));

        ada.driver.findElement(By.id("room-name")).sendKeys("Launch " + suffix);
        ada.driver.findElement(By.cssSelector("form.create-room button")).click();
        ada.wait.until(ExpectedConditions.urlMatches("/rooms/[0-9a-f-]+$"));
        ada.awaitLive();
        String roomId =
            ada.driver.getCurrentUrl().substring(ada.driver.getCurrentUrl().lastIndexOf('/') + 1);

        // A bot with a client-credentials token from Keycloak posts through the API.
        String botToken = botToken();
        TestUser bot = new TestUser("bot", botToken, parley);
        var me = bot.get("/api/me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("service-account-parley-bot", Parley.json(me.body()).getString("username"));
        bot.join(roomId);
        assertEquals(201, bot.postMessage(roomId, "Build is green", "bot-1").statusCode());
        ada.awaitMessage("Build is green");
        ada.type("Ship it" + Keys.ENTER);
        ada.awaitMessage("Ship it");
        assertEquals(
            "Ship it", bot.history(roomId, "").get(1).getString("body"), "the bot reads it back");

        // The default limit (20 at once per user and room, then 2 a second) stops a flood with
        // 429 and Retry-After; what was accepted is stored once; other rooms and people go on.
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 30; i++) {
          var r = bot.postMessage(roomId, "flood " + i, "flood-" + i);
          if (r.statusCode() == 201) {
            accepted++;
          } else {
            assertEquals(429, r.statusCode(), r.body());
            assertTrue(
                Integer.parseInt(r.headers().firstValue("Retry-After").orElse("0")) >= 1,
                "says when to retry");
            assertTrue(r.body().contains("\"rate_limited\""), r.body());
            refused++;
          }
        }
        assertTrue(refused > 0 && accepted >= 18, accepted + " accepted, " + refused + " refused");
        assertEquals(
            accepted + 2,
            bot.history(roomId, "?limit=200").size(),
            "exactly the accepted messages are stored");
        String botRoom = bot.createRoom("Bot room " + suffix, "public");
        assertEquals(201, bot.postMessage(botRoom, "another room", "other-1").statusCode());
        ada.type("Still here" + Keys.ENTER);
        ada.awaitMessage("Still here");

        // The API limit belongs to the person, not to the spelling of the token: "bearer",
        // "BEARER" and extra spaces share the one bucket (each used to get a fresh one).
        java.util.Set<String> refusedSpellings = new java.util.HashSet<>();
        String[] spellings = {"Bearer ", "bearer ", "BEARER  "};
        for (int i = 0; i < 40; i++) {
          for (String spelling : spellings) {
            int status =
                Parley.send(
                        HttpRequest.newBuilder(URI.create(parley + "/api/me"))
                            .header("Authorization", spelling + botToken)
                            .build())
                    .statusCode();
            if (status == 429) {
              refusedSpellings.add(spelling);
            } else {
              assertEquals(200, status);
            }
          }
        }
        assertEquals(3, refusedSpellings.size(), "every spelling meets the same limit");
        Thread.sleep(3000); // the bucket refills (10 calls a second by default)

        // Twenty-four sockets at once for one person against the limit of twenty: exactly twenty
        // stay open (the count and the check are one step).
        List<LiveSocketProbe> burst = new java.util.ArrayList<>();
        List<java.util.concurrent.CompletableFuture<LiveSocketProbe>> opening =
            new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
          opening.add(
              java.util.concurrent.CompletableFuture.supplyAsync(
                  () -> LiveSocketProbe.open(parley, botToken)));
        }
        opening.forEach(f -> burst.add(f.join()));
        Thread.sleep(2000);
        long open = burst.stream().filter(LiveSocketProbe::isOpen).count();
        burst.forEach(LiveSocketProbe::close);
        assertEquals(20, open, "sockets left open for one person");
        Thread.sleep(1000);

        // Roles come from the IdP's groups: the bot is no admin; Ada (parley-admins) is. When
        // she withdraws the bot's access, its socket closes with 4403 and its token stops working.
        assertEquals(403, bot.post("/api/admin/users/ada/disable", "").statusCode());
        LiveSocketProbe botSocket = LiveSocketProbe.open(parley, botToken);
        ada.driver.get(parley + "/admin");
        ada.driver.findElement(By.id("admin-username")).sendKeys("service-account-parley-bot");
        ada.driver.findElement(By.id("disable")).click();
        ada.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("p.saved"), "can no longer use Parley"));
        assertEquals(4403, botSocket.awaitClose(java.time.Duration.ofSeconds(10)));
        assertEquals(403, bot.get("/api/me").statusCode(), "the token is refused now");

        // A token naming Keycloak as issuer but signed by another key is refused, and the
        // development sign-in does not exist on a server with an identity provider.
        assertEquals(
            401, new TestUser("x", forgedToken(), parley).get("/api/me").statusCode(), "forged");
        assertEquals(
            404,
            Parley.send(
                    HttpRequest.newBuilder(URI.create(parley + "/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=Mallory"))
                        .build())
                .statusCode());

        // The page renews its short-lived token from the IdP's refresh token while in use.
        String before = ada.driver.manage().getCookieNamed("parley_token").getValue();
        Object renewed =
            ((org.openqa.selenium.JavascriptExecutor) ada.driver)
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + "fetch('/session/renew', {method: 'POST'})"
                        + ".then(function (r) { done(r.status); }, function (e) { done(-1); });");
        assertEquals(200L, ((Number) renewed).longValue(), "renewal through the refresh token");
        String after = ada.driver.manage().getCookieNamed("parley_token").getValue();
        assertTrue(!before.equals(after), "a new access token");
        TestUser adaApi = new TestUser("ada", after, parley);
        assertEquals(200, adaApi.get("/api/me").statusCode(), "the renewed token works");

        // Signing out ends the session in Parley (its token is refused at once, everywhere) and
        // at Keycloak: the next sign-in asks for the password.
        ada.driver.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        slow.until(ExpectedConditions.urlContains("/sign-in"));
        assertTrue(
            ada.driver.getCurrentUrl().startsWith(parley + "/sign-in"),
            () -> "back at Parley's sign-in, not an IdP question: " + ada.driver.getCurrentUrl());
        assertEquals(401, adaApi.get("/api/me").statusCode(), "the signed-out token is refused");
        ada.driver.get(parley + "/rooms");
        ada.wait.until(ExpectedConditions.urlContains("/sign-in"));
        ada.driver.findElement(By.id("sso")).click();
        try {
          slow.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        } catch (org.openqa.selenium.TimeoutException e) {
          throw new AssertionError(
              "signed in again without a password at "
                  + ada.driver.getCurrentUrl()
                  + ": "
                  + ada.driver.getPageSource(),
              e);
        }
      }
    }
  }

  private static String forgedToken() throws Exception {
    var key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("mallory").generate();
    var claims =
        new com.nimbusds.jwt.JWTClaimsSet.Builder()
            .issuer(KeycloakHarness.ISSUER)
            .audience("parley")
            .subject("mallory")
            .claim("preferred_username", "ada")
            .issueTime(new java.util.Date())
            .expirationTime(new java.util.Date(System.currentTimeMillis() + 600_000))
            .build();
    var jwt =
        new com.nimbusds.jwt.SignedJWT(
            new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                .keyID("mallory")
                .build(),
            claims);
    jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
    return jwt.serialize();
  }

  private static String botToken() {
    String form =
        "grant_type=client_credentials&client_id=parley-bot&client_secret="
            + URLEncoder.encode("parley-bot-secret", StandardCharsets.UTF_8);
    HttpResponse<String> response =
        Parley.send(
            HttpRequest.newBuilder(
                    URI.create(KeycloakHarness.ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertEquals(200, response.statusCode(), response.body());
    return Parley.json(response.body()).getString("access_token");
  }
}
