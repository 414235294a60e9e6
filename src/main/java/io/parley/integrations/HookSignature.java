package io.parley.integrations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An outgoing hook's signature: HMAC-SHA256 with the hook's secret over {@code timestamp + "." +
 * body}, sent as {@code X-Parley-Signature: sha256=<hex>} with {@code X-Parley-Timestamp} (Unix
 * seconds), so a receiver can refuse a replayed or altered call.
 */
public final class HookSignature {

  public static final String SIGNATURE_HEADER = "X-Parley-Signature";
  public static final String TIMESTAMP_HEADER = "X-Parley-Timestamp";

  private HookSignature() {}

  public static String sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
