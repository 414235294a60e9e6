package io.parley.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Over HTTPS (Liberty's generated development certificate) the session cookie is Secure and HSTS is
 * sent; over plain HTTP neither. (This test server allows plain HTTP for the rest of the suite; the
 * redirect that is on by default is checked against the SSO server.)
 */
class HttpsIT {

  private static String https() {
    return "https://localhost:" + System.getProperty("parley.https.port", "9443");
  }

  @Test
  void signingInOverHttpsSetsASecureCookieAndHsts() {
    HttpResponse<String> signIn =
        Parley.send(
            HttpRequest.newBuilder(URI.create(https() + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + "Tls%20" + System.nanoTime()))
                .build());
    assertEquals(303, signIn.statusCode(), signIn.body());
    String cookie = signIn.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(cookie.startsWith("parley_token="), cookie);
    assertTrue(cookie.contains("Secure"), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    assertTrue(
        signIn.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age="),
        "HSTS over HTTPS");

    HttpResponse<String> plain =
        Parley.send(HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/sign-in")).build());
    assertFalse(plain.headers().firstValue("Strict-Transport-Security").isPresent());
  }
}
