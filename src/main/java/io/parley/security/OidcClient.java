package io.parley.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The browser side of single sign-on: OpenID Connect authorization code flow with PKCE against the
 * company's identity provider, whose endpoints come from its discovery document. The access token
 * it returns becomes the session cookie and is verified on every request like any other.
 */
@ApplicationScoped
public class OidcClient {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject SecuritySettings settings;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile JsonObject discovery;
  private TokenVerifier idTokens;

  @PostConstruct
  void init() {
    settings
        .oidcIssuer()
        .ifPresent(
            issuer ->
                idTokens =
                    new TokenVerifier(
                        issuer, settings.tokenKeyLocation(), Set.of(settings.oidcClientId())));
  }

  public boolean enabled() {
    return settings.oidcIssuer().isPresent();
  }

  /** A fresh login attempt: what the browser keeps (in a cookie) until it comes back. */
  public Attempt begin() {
    return new Attempt(random(), random(), random() + random());
  }

  /** Where to send the browser to sign in. */
  public String authorizationUrl(Attempt attempt, String redirectUri) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", settings.oidcClientId());
    query.put("redirect_uri", redirectUri);
    query.put("scope", settings.oidcScope());
    query.put("state", attempt.state());
    query.put("nonce", attempt.nonce());
    query.put("code_challenge", attempt.challenge());
    query.put("code_challenge_method", "S256");
    return endpoint("authorization_endpoint") + "?" + form(query);
  }

  /**
   * Trades the code for tokens and checks the ID token (signature, issuer, audience, expiry and the
   * nonce of this attempt); returns the access token and how long it lives.
   */
  public Tokens finish(Attempt attempt, String code, String redirectUri)
      throws InvalidTokenException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("redirect_uri", redirectUri);
    body.put("client_id", settings.oidcClientId());
    body.put("client_secret", settings.oidcClientSecret());
    body.put("code_verifier", attempt.verifier());
    JsonObject answer = tokenRequest(body, "the identity provider refused the sign-in code");
    var id = idTokens.claims(answer.getString("id_token", null));
    if (!attempt.nonce().equals(id.getClaim("nonce"))) {
      throw new InvalidTokenException("the sign-in answer does not belong to this attempt");
    }
    return tokens(answer, null);
  }

  /**
   * New tokens for a session still open at the IdP, from its refresh token: how the page stays
   * signed in with short-lived access tokens. Refused once the IdP session ended (sign-out, idle
   * timeout, an admin's logout).
   */
  public Tokens refresh(String refreshToken) throws InvalidTokenException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "refresh_token");
    body.put("refresh_token", refreshToken);
    body.put("client_id", settings.oidcClientId());
    body.put("client_secret", settings.oidcClientSecret());
    return tokens(tokenRequest(body, "the identity provider ended this session"), refreshToken);
  }

  private static Tokens tokens(JsonObject answer, String previousRefreshToken) {
    return new Tokens(
        answer.getString("access_token", null),
        answer.getString("id_token", null),
        answer.getString("refresh_token", previousRefreshToken),
        Duration.ofSeconds(answer.getJsonNumber("expires_in").longValue()));
  }

  private JsonObject tokenRequest(Map<String, String> body, String refused)
      throws InvalidTokenException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint("token_endpoint")))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new InvalidTokenException(refused);
      }
      return Json.createReader(new StringReader(response.body())).readObject();
    } catch (IOException e) {
      throw new InvalidTokenException("the identity provider could not be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidTokenException("interrupted");
    }
  }

  /**
   * Where to send the browser to end its IdP session too, if the IdP has such an endpoint. With the
   * ID token as hint the IdP logs out without asking again.
   */
  public Optional<String> logoutUrl(String afterLogout, String idTokenHint) {
    String end = discovery().getString("end_session_endpoint", null);
    if (end == null) {
      return Optional.empty();
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", settings.oidcClientId());
    query.put("post_logout_redirect_uri", afterLogout);
    if (idTokenHint != null && !idTokenHint.isBlank()) {
      query.put("id_token_hint", idTokenHint);
    }
    return Optional.of(end + "?" + form(query));
  }

  private String endpoint(String name) {
    String url = discovery().getString(name, null);
    if (url == null) {
      throw new IllegalStateException("the identity provider does not announce " + name);
    }
    return url;
  }

  private JsonObject discovery() {
    JsonObject known = discovery;
    if (known != null) {
      return known;
    }
    String issuer = settings.oidcIssuer().orElseThrow();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "identity provider discovery answered " + response.statusCode());
      }
      known = Json.createReader(new StringReader(response.body())).readObject();
    } catch (IOException e) {
      throw new IllegalStateException("identity provider discovery failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (!issuer.equals(known.getString("issuer", null))) {
      throw new IllegalStateException("the discovery document names another issuer");
    }
    discovery = known;
    return known;
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** One login attempt: state (against CSRF on the callback), nonce and PKCE verifier. */
  public record Attempt(String state, String nonce, String verifier) {

    public String challenge() {
      try {
        byte[] hash =
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The attempt as one cookie value. */
    public String encode() {
      return state + "." + nonce + "." + verifier;
    }

    public static Optional<Attempt> decode(String value) {
      if (value == null) {
        return Optional.empty();
      }
      String[] parts = value.split("\\.");
      if (parts.length != 3 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
        return Optional.empty();
      }
      return Optional.of(new Attempt(parts[0], parts[1], parts[2]));
    }
  }

  /**
   * What the IdP issued: the access token (Parley's session cookie), the ID token (logout hint),
   * the refresh token (silent renewal; may be null) and how long the access token lives.
   */
  public record Tokens(
      String accessToken, String idToken, String refreshToken, Duration lifetime) {}
}
