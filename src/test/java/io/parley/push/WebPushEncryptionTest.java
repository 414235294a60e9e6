package io.parley.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 8291's own example, Appendix A: the same keys and salt must give the same bytes. */
class WebPushEncryptionTest {

  private static byte[] b64(String s) {
    return Base64.getUrlDecoder().decode(s);
  }

  @Test
  void encryptsTheRfcExampleToTheRfcBytes() {
    KeyPair sender =
        new KeyPair(
            EcKeys.publicKey(
                b64(
                    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8")),
            EcKeys.privateKey(b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw")));
    byte[] out =
        WebPushEncryption.encrypt(
            "When I grow up, I want to be a watermelon".getBytes(StandardCharsets.UTF_8),
            b64(
                "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
            b64("BTBZMqHH6r4Tts7J_aSIgg"),
            sender,
            b64("DGv6ra1nlYgDCS1FRnbzlw"));
    assertEquals(
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
        Base64.getUrlEncoder().withoutPadding().encodeToString(out));
  }
}
