package io.parley.testing;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser's side of Web Push, for tests: its own key pair and auth secret, the subscription JSON
 * the Push API would hand out, and the decryption of what a push service receives (RFC 8291, RFC
 * 8188: written here from the RFC, apart from the server's encryption, so that a shared mistake
 * cannot pass).
 */
public final class PushBrowser {

  private final KeyPair keys;
  private final byte[] auth = new byte[16];

  public PushBrowser() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    keys = g.generateKeyPair();
    new SecureRandom().nextBytes(auth);
  }

  /** The subscription JSON for {@code endpoint}, as {@code PushSubscription.toJSON()} gives it. */
  public String subscription(String endpoint, String label) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return "{\"endpoint\":\""
        + endpoint
        + "\",\"keys\":{\"p256dh\":\""
        + b64.encodeToString(point((ECPublicKey) keys.getPublic()))
        + "\",\"auth\":\""
        + b64.encodeToString(auth)
        + "\"},\"label\":\""
        + label
        + "\"}";
  }

  /** The plaintext of an aes128gcm body sent to this browser. */
  public String decrypt(byte[] body) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(body);
    byte[] salt = new byte[16];
    in.get(salt);
    int recordSize = in.getInt();
    byte[] senderKey = new byte[in.get() & 0xff];
    in.get(senderKey);
    byte[] sealed = new byte[in.remaining()];
    in.get(sealed);
    if (sealed.length > recordSize) {
      throw new IllegalStateException("more than one record");
    }
    KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
    ecdh.init(keys.getPrivate());
    ecdh.doPhase(publicKey(senderKey), true);
    byte[] shared = ecdh.generateSecret();
    byte[] info =
        concat(
            "WebPush: info\0".getBytes(StandardCharsets.US_ASCII),
            point((ECPublicKey) keys.getPublic()),
            senderKey);
    byte[] ikm = expand(hmac(auth, shared), info, 32);
    byte[] prk = hmac(salt, ikm);
    byte[] cek =
        expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
    byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
    byte[] padded = aes.doFinal(sealed);
    int end = padded.length - 1;
    while (end >= 0 && padded[end] == 0) {
      end--;
    }
    if (end < 0 || padded[end] != 2) {
      throw new IllegalStateException("not a final record");
    }
    return new String(padded, 0, end, StandardCharsets.UTF_8);
  }

  /** Whether an {@code Authorization: vapid t=…, k=…} header is a valid ES256 JWT under k. */
  public static boolean vapidVerifies(String header, String audience) throws Exception {
    String t = header.replaceAll(".*t=([^,\\s]+).*", "$1");
    String k = header.replaceAll(".*k=([^,\\s]+).*", "$1");
    SignedJWT jwt = SignedJWT.parse(t);
    ECPublicKey key = publicKey(Base64.getUrlDecoder().decode(k));
    return jwt.verify(new ECDSAVerifier(key))
        && jwt.getJWTClaimsSet().getAudience().contains(audience)
        && jwt.getJWTClaimsSet().getExpirationTime().getTime() > System.currentTimeMillis();
  }

  private static byte[] expand(byte[] prk, byte[] info, int length) throws Exception {
    return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
  }

  private static byte[] hmac(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      b.put(p);
    }
    return b.array();
  }

  private static byte[] point(ECPublicKey key) {
    byte[] out = new byte[65];
    out[0] = 4;
    put32(key.getW().getAffineX(), out, 1);
    put32(key.getW().getAffineY(), out, 33);
    return out;
  }

  private static void put32(BigInteger n, byte[] out, int at) {
    byte[] b = n.toByteArray();
    int start = Math.max(0, b.length - 32);
    System.arraycopy(b, start, out, at + 32 - (b.length - start), b.length - start);
  }

  private static ECPublicKey publicKey(byte[] point) throws Exception {
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
            new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
    return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
  }
}
