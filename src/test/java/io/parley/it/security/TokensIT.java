package io.parley.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tokens signed with the server's real key but wrong in one way each are refused; a socket lives no
 * longer than its token and closes with the documented code 4401.
 */
class TokensIT {

  private static RSAKey serverKey() throws Exception {
    Path file = Path.of(System.getProperty("parley.server.dir"), "data", "dev-signing-key.json");
    return RSAKey.parse(Files.readString(file));
  }

  private static String token(String issuer, String audience, long expiresInMillis)
      throws Exception {
    return TestTokens.sign(
        serverKey(),
        issuer,
        audience,
        "dev:" + Parley.unique("tok").replace(' ', '-'),
        Parley.unique("tok").replace(' ', '.'),
        "Token Tester",
        expiresInMillis);
  }

  private static int api(String token) {
    return Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/api/me"))
                .header("Authorization", "Bearer " + token)
                .build())
        .statusCode();
  }

  @Test
  void aGoodTokenWorksAndEachFlawIsRefusedEverywhere() throws Exception {
    assertEquals(200, api(token("parley-dev", "parley", 600_000)), "the control case");
    String[] flawed = {
      token("parley-dev", "parley", -120_000), // expired
      token("https://evil.example", "parley", 600_000), // wrong issuer
      token("parley-dev", "someone-else", 600_000) // wrong audience
    };
    for (String token : flawed) {
      assertEquals(401, api(token), "API");
      var page =
          Parley.send(
              HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/rooms"))
                  .header("Cookie", "parley_token=" + token)
                  .build());
      assertEquals(303, page.statusCode(), "pages send it to sign in");
      try {
        LiveSocket.withToken(token).close();
        throw new AssertionError("the handshake should have been refused");
      } catch (java.util.concurrent.CompletionException e) {
        assertEquals(
            401,
            ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
      }
    }
  }

  @Test
  void theSocketClosesWith4401WhenItsTokenExpires() throws Exception {
    try (LiveSocket socket = LiveSocket.withToken(token("parley-dev", "parley", 3_000))) {
      assertTrue(socket.isOpen());
      assertEquals(4401, socket.awaitClose(Duration.ofSeconds(15)));
    }
  }
}
