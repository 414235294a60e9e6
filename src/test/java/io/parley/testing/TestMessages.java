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
}
