package io.parley.away;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in an email's unsubscribe link: the person's id and an HMAC of it under the cluster's
 * key, so the link works without signing in (RFC 8058 one-click) and cannot be made for someone
 * else.
 */
public final class UnsubscribeTokens {

  private final byte[] key;

  public UnsubscribeTokens(byte[] key) {
    this.key = key.clone();
  }

  public String of(String userId) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(userId.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(mac(userId));
  }

  /** The person the token names, if it is genuine. */
  public Optional<String> userOf(String token) {
    if (token == null || token.length() > 400) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 1) {
      return Optional.empty();
    }
    try {
      String userId =
          new String(
              Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      return MessageDigest.isEqual(given, mac(userId)) ? Optional.of(userId) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String userId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(("unsubscribe:" + userId).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
