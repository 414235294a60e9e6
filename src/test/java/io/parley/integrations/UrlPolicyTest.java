package io.parley.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where outgoing webhooks may call: the SSRF rules. */
class UrlPolicyTest {

  private final UrlPolicy open = new UrlPolicy(Set.of(), Set.of());

  @Test
  void nonPublicAddressesAreRecognised() throws Exception {
    for (String a :
        new String[] {
          "127.0.0.1",
          "127.255.0.9",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.169.254",
          "0.0.0.0",
          "100.64.0.1",
          "198.18.0.1",
          "224.0.0.1",
          "255.255.255.255",
          "::1",
          "::",
          "fe80::1",
          "fd00::1",
          "fc12::5",
          "::ffff:7f00:1",
          "2001:db8::1"
        }) {
      assertFalse(UrlPolicy.isPublic(InetAddress.getByName(a)), a);
    }
    for (String a : new String[] {"93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"}) {
      assertTrue(UrlPolicy.isPublic(InetAddress.getByName(a)), a);
    }
  }

  @Test
  void onlyPlainHttpUrlsWithoutCredentials() {
    for (String bad :
        new String[] {
          "ftp://bots.example/x",
          "file:///etc/passwd",
          "javascript:alert(1)",
          "https://user:pw@bots.example/x",
          "https:///nohost",
          "not a url",
          "https://bots.example/x#frag",
          ""
        }) {
      var e = assertThrows(DomainException.class, () -> open.check(bad), bad);
      assertEquals(DomainException.Kind.INVALID, e.kind());
    }
    assertEquals(
        URI.create("https://bots.example/hook?x=1"), open.check("https://bots.example/hook?x=1"));
  }

  @Test
  void loopbackAndPrivateAddressesAreRefusedUnlessTheHostIsAllowed() throws Exception {
    for (String url :
        new String[] {
          "http://127.0.0.1:8080/",
          "http://localhost/",
          "http://[::1]/",
          "http://10.0.0.1/",
          "http://169.254.169.254/latest/meta-data/"
        }) {
      var e = assertThrows(DomainException.class, () -> open.resolveAndCheck(url), url);
      assertTrue(e.getMessage().contains("non-public address"), e.getMessage());
    }
    UrlPolicy internal = new UrlPolicy(Set.of(), Set.of("127.0.0.1"));
    assertEquals(
        URI.create("http://127.0.0.1:8080/"), internal.resolveAndCheck("http://127.0.0.1:8080/"));
    assertThrows(DomainException.class, () -> internal.resolveAndCheck("http://10.0.0.1/"));
  }

  @Test
  void anAllowlistLimitsTheHosts() {
    UrlPolicy listed = new UrlPolicy(Set.of("Bots.Example"), Set.of());
    assertEquals("bots.example", listed.check("https://BOTS.example/x").getHost().toLowerCase());
    var e = assertThrows(DomainException.class, () -> listed.check("https://evil.example/x"));
    assertTrue(e.getMessage().contains("allowlist"), e.getMessage());
  }
}
