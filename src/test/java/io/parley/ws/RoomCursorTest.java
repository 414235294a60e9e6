package io.parley.ws;

import static io.parley.testing.TestMessages.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.messaging.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RoomCursorTest {

  private final RoomCursor<Message> cursor = RoomCursor.messages();
  private final List<Long> sent = new ArrayList<>();
  private final List<Long> storeReads = new ArrayList<>();
  private long stored = 0; // the room's messages 1..stored are in the store

  /** The store's page after a seq, two messages at a time. */
  private final LongFunction<List<Message>> missed =
      after -> {
        storeReads.add(after);
        return LongStream.rangeClosed(after + 1, Math.min(after + 2, stored))
            .mapToObj(s -> message("r", s))
            .toList();
      };

  private void send(Message m) {
    sent.add(m.seq());
  }

  @Test
  void watchingReplaysWhatThePageMissedPageByPage() {
    stored = 5;
    long last = cursor.watch("r", 1, missed, this::send);
    assertEquals(5, last);
    assertEquals(List.of(2L, 3L, 4L, 5L), sent);
    assertEquals(List.of(1L, 3L, 5L), storeReads, "pages of two until an empty one");
  }

  @Test
  void liveMessagesGoOutOnceAndInOrder() {
    cursor.watch("r", 0, missed, this::send);
    stored = 1;
    assertTrue(cursor.deliver(message("r", 1), missed, this::send));
    assertFalse(cursor.deliver(message("r", 1), missed, this::send), "a repeat");
    stored = 2;
    assertTrue(cursor.deliver(message("r", 2), missed, this::send));
    assertFalse(cursor.deliver(message("r", 1), missed, this::send), "an older one");
    assertEquals(List.of(1L, 2L), sent);
  }

  @Test
  void aGapIsFilledFromTheStoreBeforeTheNewerMessage() {
    cursor.watch("r", 0, missed, this::send);
    stored = 6;
    storeReads.clear();
    assertTrue(cursor.deliver(message("r", 6), missed, this::send));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), sent);
    assertEquals(6, cursor.lastSent());
    assertTrue(
        cursor.deliver(message("r", 7), missed, this::send), "then the next live one directly");
    assertEquals(7, cursor.lastSent());
  }

  @Test
  void otherRoomsAndAStoppedCursorSendNothing() {
    cursor.watch("r", 0, missed, this::send);
    assertFalse(cursor.deliver(message("other", 1), missed, this::send));
    assertTrue(cursor.watches("r"));
    cursor.stop();
    assertFalse(cursor.watches("r"));
    assertFalse(cursor.deliver(message("r", 1), missed, this::send));
    assertTrue(sent.isEmpty());
  }
}
