package io.parley.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.of(Set.of("127.0.0.1", "10.8.0.0/14"));

  @Test
  void trustsListedAddressesAndBlocksOnly() {
    assertTrue(proxies.trusts("127.0.0.1"));
    assertTrue(proxies.trusts("10.9.255.1"));
    assertFalse(proxies.trusts("10.12.0.1"));
    assertFalse(proxies.trusts("127.0.0.2"));
    assertFalse(proxies.trusts("::1"));
    assertFalse(proxies.trusts("localhost"), "names are never looked up");
    assertFalse(proxies.trusts(null));
    assertFalse(TrustedProxies.NONE.trusts("127.0.0.1"));
  }

  @Test
  void forwardedHeadersCountOnlyFromATrustedPeer() {
    assertEquals("203.0.113.9", proxies.clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9"));
    assertEquals("192.0.2.1", proxies.clientAddress("192.0.2.1", "203.0.113.9"));
    assertTrue(proxies.secure(false, "127.0.0.1", "https"));
    assertFalse(proxies.secure(false, "192.0.2.1", "https"), "a client cannot claim HTTPS");
    assertTrue(proxies.secure(true, "192.0.2.1", null));
  }

  @Test
  void ipv6BlocksAndBadEntries() {
    TrustedProxies v6 = TrustedProxies.of(Set.of("fd00::/8", "::1"));
    assertTrue(v6.trusts("fd12::5"));
    assertTrue(v6.trusts("[::1]"));
    assertFalse(v6.trusts("fe80::1"));
    assertFalse(v6.trusts("127.0.0.1"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(Set.of("proxy.local")));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(Set.of("10.0.0.0/33")));
  }
}
