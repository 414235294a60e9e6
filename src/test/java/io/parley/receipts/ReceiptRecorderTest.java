package io.parley.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptRecorderTest {

  /** Counts writes; can be told to fail. */
  static final class CountingStore implements ReceiptStore {
    final Map<String, Watermark> marks = new HashMap<>();
    int writes;
    boolean failing;

    @Override
    public void raise(String userId, String roomId, Watermark mark) {
      if (failing) {
        throw new IllegalStateException("store down");
      }
      writes++;
      marks.merge(userId + "/" + roomId, mark, Watermark::raise);
    }

    @Override
    public Map<String, Long> lastRead(String userId) {
      return Map.of();
    }

    @Override
    public Map<String, Watermark> inRoom(String roomId) {
      return Map.of();
    }
  }

  private final CountingStore store = new CountingStore();
  private final List<List<ReceiptChange>> announced = new ArrayList<>();
  private final ReceiptRecorder recorder = new ReceiptRecorder(store, announced::add);

  @Test
  void manyDeliveriesBecomeOneWriteAndOneAnnouncement() {
    for (long seq = 1; seq <= 100; seq++) {
      recorder.read("bob", "r1", seq);
    }
    recorder.delivered("cy", "r1", 100);
    assertEquals(2, recorder.flush().size());
    assertEquals(2, store.writes);
    assertEquals(new Watermark(100, 100), store.marks.get("bob/r1"));
    assertEquals(new Watermark(0, 100), store.marks.get("cy/r1"));
    assertEquals(1, announced.size());
  }

  @Test
  void marksNeverGoDownAndReadImpliesDelivered() {
    recorder.read("bob", "r1", 9);
    recorder.read("bob", "r1", 4);
    recorder.delivered("bob", "r1", 3);
    recorder.flush();
    assertEquals(new Watermark(9, 9), store.marks.get("bob/r1"));
  }

  @Test
  void nothingRaisedMeansNothingWrittenOrAnnounced() {
    assertTrue(recorder.flush().isEmpty());
    assertEquals(0, store.writes);
    assertTrue(announced.isEmpty());
  }

  @Test
  void aFailedWriteIsKeptForTheNextRound() {
    recorder.read("bob", "r1", 5);
    store.failing = true;
    assertEquals(1, recorder.flush().size(), "announced even though the write failed");
    assertEquals(0, store.writes);
    store.failing = false;
    recorder.read("bob", "r1", 3);
    recorder.flush();
    assertEquals(new Watermark(5, 5), store.marks.get("bob/r1"));
  }

  @Test
  void aFailedAnnouncementDoesNotLoseTheStoredMark() {
    ReceiptRecorder loud =
        new ReceiptRecorder(
            store,
            changes -> {
              throw new IllegalStateException("topic down");
            });
    loud.read("bob", "r1", 2);
    assertEquals(1, loud.flush().size());
    assertEquals(new Watermark(2, 2), store.marks.get("bob/r1"));
  }

  @Test
  void marksAreAnnouncedEveryRoundButStoredEveryNthRoundOncePerReader() {
    ReceiptRecorder behind = new ReceiptRecorder(store, announced::add, 5);
    for (int round = 1; round <= 4; round++) {
      behind.read("bob", "r1", round * 10);
      behind.delivered("cy", "r1", round * 10);
      assertEquals(2, behind.flush().size());
    }
    assertEquals(0, store.writes, "nothing written before the fifth round");
    assertEquals(4, announced.size());
    behind.read("bob", "r1", 50);
    behind.flush();
    assertEquals(2, store.writes, "one write per reader for five rounds");
    assertEquals(new Watermark(50, 50), store.marks.get("bob/r1"));
    assertEquals(new Watermark(0, 40), store.marks.get("cy/r1"));
  }

  @Test
  void shuttingDownStoresWhatIsPending() {
    ReceiptRecorder behind = new ReceiptRecorder(store, announced::add, 5);
    behind.read("bob", "r1", 7);
    behind.flush();
    assertEquals(0, store.writes);
    behind.flush(); // nothing new raised: nothing announced
    assertEquals(1, announced.size());
    assertEquals(1, behind.store());
    assertEquals(new Watermark(7, 7), store.marks.get("bob/r1"));
  }
}
