package io.parley.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.presence.ConnectionRecord;
import io.parley.testing.WireStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket records over the MongoDB wire: written in the background, read newest first, expired. */
class MongoConnectionLogTest {

  private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

  private WireStore store;
  private MongoConnectionLog log;

  @BeforeEach
  void start() {
    store = new WireStore();
    log = new MongoConnectionLog(store.db(), "[10.0.0.11]:5701");
  }

  @AfterEach
  void stop() {
    log.close();
    store.close();
  }

  @Test
  void aSocketsLifeIsRecordedUnderItsNode() {
    log.opened("s1", "ada", "203.0.113.7", T0);
    log.opened("s2", "ada", "203.0.113.7", T0.plusSeconds(60));
    log.opened("s3", "bob", "198.51.100.1", T0.plusSeconds(90));
    log.closed("s1", T0.plusSeconds(30), 1001, "going away");
    log.flush();

    List<ConnectionRecord> ada = log.recent("ada", 10);
    assertEquals(
        List.of("[10.0.0.11]:5701/s2", "[10.0.0.11]:5701/s1"),
        ada.stream().map(ConnectionRecord::id).toList());
    ConnectionRecord closed = ada.get(1);
    assertEquals("[10.0.0.11]:5701", closed.node());
    assertEquals("203.0.113.7", closed.client());
    assertEquals(T0, closed.openedAt());
    assertEquals(T0.plusSeconds(30), closed.closedAt());
    assertEquals(1001, closed.closeCode());
    assertEquals("going away", closed.closeReason());
    assertNull(ada.get(0).closedAt(), "still open");
    assertEquals(1, log.recent("ada", 1).size(), "limited");

    assertEquals(2, log.removeOpenedBefore(T0.plusSeconds(61)), "retention");
    assertEquals(
        List.of("bob"), log.recent("bob", 10).stream().map(ConnectionRecord::userId).toList());
    assertEquals(List.of(), log.recent("ada", 10));
  }
}
