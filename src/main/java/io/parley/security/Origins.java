package io.parley.security;

import java.net.URI;
import java.util.Set;

/**
 * Decides whether a browser origin may open a WebSocket (against cross-site WebSocket hijacking).
 */
public final class Origins {

  private Origins() {}

  /**
   * Allowed: no Origin header (not a browser), an origin on the allow-list, or, with an empty
   * allow-list, an origin whose host and port are the Host the request was sent to.
   */
  public static boolean allowed(String origin, String host, Set<String> allowList) {
    if (origin == null) {
      return true;
    }
    if (!allowList.isEmpty()) {
      return allowList.contains(origin);
    }
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null || host == null) {
        return false;
      }
      String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      String defaultPort = "https".equals(uri.getScheme()) ? ":443" : ":80";
      return host.equalsIgnoreCase(originHost) || host.equalsIgnoreCase(originHost + defaultPort);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
