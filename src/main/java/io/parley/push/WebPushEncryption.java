package io.parley.push;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the aes128gcm content coding (RFC 8188): an
 * ephemeral P-256 key agrees a secret with the browser's key, HKDF mixes in the browser's auth
 * secret and a random salt, and the payload goes as one AES-128-GCM record whose header carries the
 * salt and the ephemeral public key. Checked against the RFC's own example (Appendix A).
 */
public final class WebPushEncryption {

  /** The record size written in the header: one record holds any payload Parley sends. */
  static final int RECORD_SIZE = 4096;

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebPushEncryption() {}

  /** Encrypts {@code plaintext} for the browser whose key is {@code uaPublic} (65 bytes). */
  public static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return encrypt(plaintext, uaPublic, authSecret, EcKeys.generate(), salt);
  }

  static byte[] encrypt(
      byte[] plaintext, byte[] uaPublic, byte[] authSecret, KeyPair sender, byte[] salt) {
    if (plaintext.length > RECORD_SIZE - 17) {
      throw new IllegalArgumentException(
          "a push payload is at most " + (RECORD_SIZE - 17) + " bytes");
    }
    try {
      byte[] asPublic = EcKeys.uncompressed((ECPublicKey) sender.getPublic());
      byte[] shared = ecdh((ECPrivateKey) sender.getPrivate(), EcKeys.publicKey(uaPublic));
      byte[] keyInfo = concat(bytes("WebPush: info\0"), uaPublic, asPublic);
      byte[] ikm = hkdf(authSecret, shared, keyInfo, 32);
      byte[] cek = hkdf(salt, ikm, bytes("Content-Encoding: aes128gcm\0"), 16);
      byte[] nonce = hkdf(salt, ikm, bytes("Content-Encoding: nonce\0"), 12);
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
      byte[] sealed = aes.doFinal(concat(plaintext, new byte[] {2})); // 2: the last record
      ByteBuffer header = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length);
      header.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic);
      return concat(header.array(), sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Web Push encryption uses only JDK algorithms", e);
    }
  }

  static byte[] ecdh(ECPrivateKey mine, ECPublicKey theirs) throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(mine);
    agreement.doPhase(theirs, true);
    return agreement.generateSecret();
  }

  /** HKDF-SHA-256 (RFC 5869) for at most one block of output. */
  static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length)
      throws GeneralSecurityException {
    byte[] prk = hmac(salt, ikm);
    return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
