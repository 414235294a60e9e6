package io.parley.push;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

/**
 * The server's VAPID identity (RFC 8292): one P-256 key pair for the cluster. Browsers subscribe
 * with its public key; every push carries a short-lived ES256 JWT for the push service's origin.
 */
public final class VapidKeys {

  private final ECPrivateKey privateKey;
  private final byte[] publicKey;
  private final String subject;

  /** From {@link #newPair()}'s bytes: the private scalar (32) then the public point (65). */
  public VapidKeys(byte[] stored, String subject) {
    this.privateKey = EcKeys.privateKey(Arrays.copyOfRange(stored, 0, 32));
    this.publicKey = Arrays.copyOfRange(stored, 32, 97);
    EcKeys.publicKey(publicKey); // a stored key that is not a point fails here, at start
    this.subject = subject;
  }

  /** A new pair as {@link #VapidKeys(byte[], String)} reads it. */
  public static byte[] newPair() {
    KeyPair pair = EcKeys.generate();
    return WebPushEncryption.concat(
        EcKeys.raw((ECPrivateKey) pair.getPrivate()),
        EcKeys.uncompressed((ECPublicKey) pair.getPublic()));
  }

  /** The public key as the Push API's {@code applicationServerKey} (Base64url). */
  public String publicKey() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey);
  }

  /** The {@code Authorization} header for a push to {@code endpoint}, valid 12 hours. */
  public String authorization(URI endpoint, Instant now) {
    String audience =
        endpoint.getScheme()
            + "://"
            + endpoint.getHost()
            + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .audience(audience)
            .expirationTime(Date.from(now.plus(Duration.ofHours(12))))
            .subject(subject)
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
    try {
      jwt.sign(new ECDSASigner(privateKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 signing with a P-256 key", e);
    }
    return "vapid t=" + jwt.serialize() + ", k=" + publicKey();
  }
}
