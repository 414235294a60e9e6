package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What operators look at: health, metrics and the API description. */
class OperationsIT {

  private static HttpResponse<String> get(String path) {
    return Parley.send(HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path)).build());
  }

  @Test
  void readinessReportsTheStoreTheClusterAndTheTokenKeys() {
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode());
    assertTrue(
        ready.body().contains("\"mongodb\":true") && ready.body().contains("\"hazelcast\":true"),
        ready.body());
    assertTrue(ready.body().contains("\"tokenKeys\":true"), "sign-in works: " + ready.body());
    assertEquals(200, get("/health/live").statusCode());
  }

  @Test
  void metricsCountStoredMessagesAndOpenSockets() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("metrics"), "public");
    double before = metric("parley_messages_stored_total");
    ada.postMessage(room, "counted", "c-1");
    ada.postMessage(room, "counted", "c-1");
    assertEquals(
        before + 1, metric("parley_messages_stored_total"), "a retry is not counted as stored");
    try (LiveSocket s = LiveSocket.open(ada)) {
      s.resume(room, 0);
      s.awaitMessages(room, 1, java.time.Duration.ofSeconds(5));
      assertTrue(metric("parley_sockets_open") >= 1);
    }
  }

  @Test
  void openApiDescribesTheJsonApi() {
    String doc = get("/openapi").body();
    for (String path : new String[] {"/api/rooms:", "/api/rooms/{roomId}/messages:", "/api/me:"}) {
      assertTrue(doc.contains(path), path);
    }
    assertEquals(200, get("/openapi/ui/").statusCode());
  }

  private static double metric(String name) {
    String body = Parley.metrics("application");
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.E+-]+)$").matcher(body);
    assertTrue(m.find(), name + " in\n" + body);
    return Double.parseDouble(m.group(1));
  }
}
