package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every socket leaves a record in the store (node, person, client address, opened, closed, close
 * code and reason) that administrators read through the API, and nobody else.
 */
class ConnectionRecordsIT {

  @Test
  void aClosedSocketIsRecordedWithItsCloseCodeForAdminsOnly() throws Exception {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Root"), "admin");
    Instant before = Instant.now().minusSeconds(5);
    try (LiveSocket socket = LiveSocket.open(ada).ready()) {
      socket.close(4000, "bye for now");
    }
    String path = "/api/admin/users/" + ada.username() + "/connections";
    JsonObject record = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      var response = admin.get(path);
      assertEquals(200, response.statusCode(), response.body());
      JsonArray list = Json.createReader(new StringReader(response.body())).readArray();
      if (!list.isEmpty()
          && list.getJsonObject(0).containsKey("closeCode")
          && !list.getJsonObject(0).isNull("closeCode")) {
        record = list.getJsonObject(0);
        break;
      }
      Thread.sleep(200);
    }
    assertTrue(record != null, "a closed record within 10 s");
    assertEquals(4000, record.getInt("closeCode"));
    assertEquals("bye for now", record.getString("closeReason"));
    assertTrue(record.getString("node").contains(":"), record.toString());
    assertTrue(record.getString("client").contains("127.0.0.1"), record.toString());
    Instant opened = Instant.parse(record.getString("openedAt"));
    Instant closed = Instant.parse(record.getString("closedAt"));
    assertTrue(opened.isAfter(before) && !closed.isBefore(opened), record.toString());

    assertEquals(403, ada.get(path).statusCode(), "not for people who are not admins");
  }
}
