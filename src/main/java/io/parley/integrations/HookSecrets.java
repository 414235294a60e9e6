package io.parley.integrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** A hook's secret: 192 random bits, URL-safe; kept only as its SHA-256, compared in fixed time. */
final class HookSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Compared against when the hook is unknown, so that case takes as long as a wrong secret. */
  static final String NO_HOOK = hash("no hook has this secret");

  private HookSecrets() {}

  static String generate() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Whether {@code secret} hashes to {@code storedHash}, in time independent of where they differ.
   */
  static boolean matches(String secret, String storedHash) {
    String given = hash(secret == null ? "" : secret);
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
