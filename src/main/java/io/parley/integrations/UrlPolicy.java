package io.parley.integrations;

import io.parley.common.DomainException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Where outgoing hooks may call (SSRF): http(s) URLs without credentials, to a host on the
 * administrators' allowlist if they keep one ({@code allowedHosts}; empty: any host), and only to
 * public addresses: loopback, private, link-local, shared, multicast and reserved ranges are
 * refused unless the host is one of {@code privateHosts}. Checked when a hook is made and again, on
 * what the name resolves to then, before every call.
 */
public final class UrlPolicy {

  private final Set<String> allowedHosts;
  private final Set<String> privateHosts;

  public UrlPolicy(Set<String> allowedHosts, Set<String> privateHosts) {
    this.allowedHosts = lower(allowedHosts);
    this.privateHosts = lower(privateHosts);
  }

  /** The URL if its form and host are allowed (not yet resolved). */
  public URI check(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (URISyntaxException e) {
      throw DomainException.invalid("the URL is not valid");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw DomainException.invalid("the URL must start with https:// or http://");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw DomainException.invalid("the URL must name a host, without credentials or #fragment");
    }
    if (url.length() > 500) {
      throw DomainException.invalid("the URL must be at most 500 characters");
    }
    String host = host(uri);
    if (!allowedHosts.isEmpty() && !allowedHosts.contains(host)) {
      throw DomainException.invalid(
          "host " + host + " is not on the administrators' allowlist (parley.hooks.allowed-hosts)");
    }
    return uri;
  }

  /** The URL if every address its host resolves to now may be called. */
  public URI resolveAndCheck(String url) {
    URI uri = check(url);
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw DomainException.invalid("host " + host(uri) + " does not resolve");
    }
    refusePrivate(uri, addresses);
    return uri;
  }

  void refusePrivate(URI uri, InetAddress... addresses) {
    if (privateHosts.contains(host(uri))) {
      return;
    }
    for (InetAddress a : addresses) {
      if (!isPublic(a)) {
        throw DomainException.invalid(
            "host "
                + host(uri)
                + " resolves to a non-public address ("
                + a.getHostAddress()
                + "): allow it in parley.hooks.private-hosts");
      }
    }
  }

  /** Whether {@code a} is an address on the public internet. */
  static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      boolean uniqueLocal = (first & 0xfe) == 0xfc; // fc00::/7
      boolean mappedOrCompat = isZero(b, 0, 10) && ((b[10] & 0xff) == 0xff || b[10] == 0);
      boolean documentation =
          first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
      return !uniqueLocal && !mappedOrCompat && !documentation;
    }
    int o1 = b[0] & 0xff;
    int o2 = b[1] & 0xff;
    return !(o1 == 0 // "this" network
        || (o1 == 100 && o2 >= 64 && o2 < 128) // shared (carrier-grade NAT)
        || (o1 == 192 && o2 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        || (o1 == 198 && (o2 == 18 || o2 == 19)) // benchmarking
        || o1 >= 240); // reserved and broadcast
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String host(URI uri) {
    return uri.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
  }

  private static Set<String> lower(Set<String> hosts) {
    return hosts.stream()
        .map(h -> h.strip().toLowerCase(Locale.ROOT))
        .filter(h -> !h.isEmpty())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
