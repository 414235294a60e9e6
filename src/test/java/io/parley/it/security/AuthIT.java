package io.parley.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Without a valid token nothing is served: 401 on the API, sign-in redirect on pages. */
class AuthIT {

  @Test
  void apiWithoutTokenIs401() {
    HttpResponse<String> response =
        Parley.send(HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/api/rooms")).build());
    assertEquals(401, response.statusCode());
  }

  @Test
  void apiWithForgedTokensIs401() throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("parley-dev")
            .audience("parley")
            .subject("dev:intruder")
            .claim("upn", "intruder")
            .issueTime(new Date())
            .expirationTime(new Date(System.currentTimeMillis() + 600_000))
            .build();
    RSAKey otherKey = new RSAKeyGenerator(2048).keyID("other").generate();
    SignedJWT otherSigner =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("other").build(), claims);
    otherSigner.sign(new RSASSASigner(otherKey));
    String unsigned = new PlainJWT(claims).serialize();

    for (String token : new String[] {"garbage", unsigned, otherSigner.serialize()}) {
      HttpResponse<String> response =
          Parley.send(
              HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/api/rooms"))
                  .header("Authorization", "Bearer " + token)
                  .build());
      assertEquals(401, response.statusCode(), "token must be refused: " + token);
    }
  }

  @Test
  void pagesWithoutTokenRedirectToSignIn() {
    for (String path : new String[] {"/rooms", "/rooms/anything"}) {
      HttpResponse<String> response =
          Parley.send(
              HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path))
                  .header("Cookie", "parley_token=forged")
                  .build());
      assertEquals(303, response.statusCode());
      assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/sign-in"));
    }
  }

  @Test
  void signInPageSaysItIsADevelopmentSignIn() {
    HttpResponse<String> response =
        Parley.send(HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/sign-in")).build());
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("Development sign-in"));
  }

  @Test
  void signedInUserIsCreatedFromTokenClaims() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    var me = Parley.json(ada.get("/api/me").body());
    assertTrue(me.getString("id").startsWith("dev:ada."));
    assertEquals(ada.name(), me.getString("displayName"));
  }
}
