package io.parley.testing;

import io.parley.messaging.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Stored messages for tests: Alice's text "hi {seq}" in a room, mentioning whom it names. */
public final class TestMessages {

  private TestMessages() {}

  public static Message message(String roomId, long seq, String... mentions) {
    return new Message(
        roomId + "-" + seq,
        roomId,
        seq,
        "alice",
        "hi " + seq,
        "text/plain",
        Instant.EPOCH,
        null,
        false,
        "c" + seq,
        Map.of(),
        List.of(mentions));
  }

  /**
   * A message service over {@code store}, sequencing in memory, where everyone's username is their
   * id; the caller adds what the test needs and builds it.
   */
  public static io.parley.messaging.MessageServiceBuilder service(
      io.parley.rooms.RoomService rooms, InMemoryMessageStore store) {
    return io.parley.messaging.MessageService.builder(
        rooms,
        new io.parley.messaging.RoomSequencer(
            io.parley.messaging.MessageStores.of(store),
            e -> {},
            java.time.Clock.systemUTC(),
            () -> java.util.UUID.randomUUID().toString()),
        io.parley.messaging.MessageStores.of(store),
        ids -> ids.stream().collect(java.util.stream.Collectors.toMap(id -> id, id -> id)));
  }
}
