package io.parley.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptLineTest {

  private static final Map<String, String> NAMES =
      Map.of("ada", "Ada", "bob", "Bob", "cy", "Cy", "dee", "Dee", "eve", "Eve", "fay", "Fay");

  private static Map<String, Watermark> read(long seq, String... users) {
    Map<String, Watermark> marks = new HashMap<>();
    for (String u : users) {
      marks.put(u, new Watermark(seq, seq));
    }
    return marks;
  }

  @Test
  void aDirectMessageGoesFromSentToDeliveredToRead() {
    assertEquals("Sent", ReceiptLine.direct(5, "ada", "ada", Map.of()));
    assertEquals("Sent", ReceiptLine.direct(5, "ada", "ada", Map.of("bob", new Watermark(4, 4))));
    assertEquals(
        "Delivered", ReceiptLine.direct(5, "ada", "ada", Map.of("bob", new Watermark(3, 5))));
    assertEquals("Read", ReceiptLine.direct(5, "ada", "ada", Map.of("bob", new Watermark(5, 0))));
  }

  @Test
  void onlyTheSenderSeesTheDeliveryOfADirectMessage() {
    assertEquals("", ReceiptLine.direct(5, "ada", "bob", read(5, "bob")));
    assertEquals("", ReceiptLine.direct(0, "ada", "ada", Map.of()));
  }

  @Test
  void theSendersOwnMarkNeverCountsAsTheOtherPersonReading() {
    assertEquals("Sent", ReceiptLine.direct(5, "ada", "ada", read(9, "ada")));
  }

  @Test
  void seenByNamesReadersButNeverTheViewerOrTheSender() {
    assertEquals(
        "Seen by Bob and Cy",
        ReceiptLine.seenBy(7, "ada", "dee", read(7, "ada", "bob", "cy", "dee"), NAMES, 6));
    assertEquals("Seen by Bob", ReceiptLine.seenBy(7, "ada", "ada", read(7, "bob"), NAMES, 5));
    assertEquals("", ReceiptLine.seenBy(7, "ada", "bob", read(7, "bob"), NAMES, 5));
  }

  @Test
  void readersBehindTheLatestMessageAreNotListed() {
    Map<String, Watermark> marks = read(7, "bob");
    marks.put("cy", new Watermark(6, 7));
    assertEquals("Seen by Bob", ReceiptLine.seenBy(7, "ada", "ada", marks, NAMES, 5));
  }

  @Test
  void longListsCollapse() {
    assertEquals(
        "Seen by Bob, Cy, Dee and 2 others",
        ReceiptLine.seenBy(3, "ada", "ada", read(3, "bob", "cy", "dee", "eve", "fay"), NAMES, 9));
    assertEquals(
        "Seen by Bob, Cy, Dee and 1 other",
        ReceiptLine.seenBy(3, "ada", "ada", read(3, "bob", "cy", "dee", "eve"), NAMES, 9));
  }

  @Test
  void everyoneWhenTheWholeRoomHasRead() {
    assertEquals(
        "Seen by everyone",
        ReceiptLine.seenBy(3, "ada", "ada", read(3, "bob", "cy", "dee"), NAMES, 3));
  }

  @Test
  void anEmptyRoomHasNoLine() {
    assertEquals("", ReceiptLine.seenBy(0, "ada", "ada", read(0, "bob"), NAMES, 2));
  }
}
