package io.parley.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachedReceiptsTest {

  /** A store that counts its reads. */
  private static final class CountingStore implements ReceiptStore {
    final Map<String, Map<String, Watermark>> marks = new HashMap<>();
    int reads;

    @Override
    public void raise(String userId, String roomId, Watermark mark) {
      marks.computeIfAbsent(roomId, r -> new HashMap<>()).merge(userId, mark, Watermark::raise);
    }

    @Override
    public Map<String, Long> lastRead(String userId) {
      reads++;
      Map<String, Long> read = new HashMap<>();
      marks.forEach(
          (room, byUser) -> {
            if (byUser.containsKey(userId)) {
              read.put(room, byUser.get(userId).read());
            }
          });
      return read;
    }

    @Override
    public Map<String, Watermark> inRoom(String roomId) {
      reads++;
      return new HashMap<>(marks.getOrDefault(roomId, Map.of()));
    }
  }

  @Test
  void aRoomIsReadFromTheStoreOnceThenFollowsAnnouncedChanges() {
    CountingStore store = new CountingStore();
    store.raise("bob", "r1", new Watermark(3, 3));
    CachedReceipts cached = new CachedReceipts(store);
    assertEquals(new Watermark(3, 3), cached.inRoom("r1").get("bob"));
    cached.apply(
        List.of(
            new ReceiptChange("bob", "r1", new Watermark(9, 9)),
            new ReceiptChange("cy", "r1", new Watermark(0, 9)),
            new ReceiptChange("bob", "r1", new Watermark(2, 2))));
    assertEquals(new Watermark(9, 9), cached.inRoom("r1").get("bob"), "never lowered");
    assertEquals(new Watermark(0, 9), cached.inRoom("r1").get("cy"));
    assertEquals(1, store.reads, "one store read for the room");
  }

  @Test
  void aPersonsReadMarksFollowChangesToo() {
    CountingStore store = new CountingStore();
    store.raise("bob", "r1", new Watermark(3, 3));
    CachedReceipts cached = new CachedReceipts(store);
    assertEquals(Map.of("r1", 3L), cached.lastRead("bob"));
    cached.apply(
        List.of(
            new ReceiptChange("bob", "r2", new Watermark(5, 5)),
            new ReceiptChange("bob", "r3", new Watermark(0, 8))));
    assertEquals(Map.of("r1", 3L, "r2", 5L), cached.lastRead("bob"), "delivered is not read");
    assertEquals(1, store.reads);
  }

  @Test
  void marksAnnouncedBeforeTheStoreHasThemAreNotLostWhenTheRoomIsFirstRead() {
    CountingStore store = new CountingStore(); // written behind: nothing stored yet
    CachedReceipts cached = new CachedReceipts(store);
    cached.apply(List.of(new ReceiptChange("bob", "r9", new Watermark(4, 4))));
    assertEquals(new Watermark(4, 4), cached.inRoom("r9").get("bob"));
    assertEquals(Map.of("r9", 4L), cached.lastRead("bob"));
  }
}
