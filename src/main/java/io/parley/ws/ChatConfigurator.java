package io.parley.ws;

import io.parley.security.Authenticator;
import io.parley.security.InvalidTokenException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Binds the handshake's verified user to the session. WebSocket 2.1 gives each handshake its own
 * copy of the endpoint configuration, so the user stored here belongs to this connection only.
 */
public class ChatConfigurator extends ServerEndpointConfig.Configurator {

  static final String SIGNED_IN = "parley.signedIn";
  static final String CLIENT = "parley.client";

  /**
   * Client addresses of handshakes in progress, by their Sec-WebSocket-Key: the servlet filter sees
   * the request (and the trusted proxy's header), the configurator only the headers.
   */
  private static final java.util.Map<String, String> CLIENTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The filter's note of where a handshake comes from. */
  static void handshakeFrom(String webSocketKey, String client) {
    if (webSocketKey == null || client == null) {
      return;
    }
    if (CLIENTS.size() > 10_000) {
      CLIENTS.clear(); // handshakes that never reached the endpoint; only the admin list loses
    }
    CLIENTS.put(webSocketKey, client);
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    config.getUserProperties().remove(SIGNED_IN);
    String key = first(request, "Sec-WebSocket-Key");
    String client = key == null ? null : CLIENTS.remove(key);
    if (client != null) {
      config.getUserProperties().put(CLIENT, client);
    } else {
      config.getUserProperties().remove(CLIENT);
    }
    var token =
        Authenticator.tokenFromCookies(header(request, "Cookie"))
            .or(() -> Authenticator.tokenFromAuthorization(first(request, "Authorization")));
    try {
      Authenticator authenticator = CDI.current().select(Authenticator.class).get();
      config.getUserProperties().put(SIGNED_IN, authenticator.authenticate(token.orElse(null)));
    } catch (InvalidTokenException e) {
      // the endpoint closes sessions without a user
    }
  }

  private static String first(HandshakeRequest request, String name) {
    List<String> values = header(request, name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Header names are case-insensitive; containers differ in how they key the map. */
  private static List<String> header(HandshakeRequest request, String name) {
    return request.getHeaders().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }
}
