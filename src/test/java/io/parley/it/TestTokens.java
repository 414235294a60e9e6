package io.parley.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;

/** RS256 access tokens as an identity provider signs them, for tests that play the IdP. */
public final class TestTokens {

  private TestTokens() {}

  /**
   * A token for {@code username} (display name {@code name}), issued a minute ago, living {@code
   * expiresInMillis} from now.
   */
  public static String sign(
      RSAKey key,
      String issuer,
      String audience,
      String subject,
      String username,
      String name,
      long expiresInMillis) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .claim("preferred_username", username)
            .claim("name", name)
            .issueTime(new Date(System.currentTimeMillis() - 60_000))
            .expirationTime(new Date(System.currentTimeMillis() + expiresInMillis))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
