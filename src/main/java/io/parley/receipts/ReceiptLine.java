package io.parley.receipts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The line under a room's latest message: who has seen it, or a direct message's delivery. */
public final class ReceiptLine {

  /** Names listed before the rest collapse into "and N others". */
  static final int NAMES_SHOWN = 3;

  private ReceiptLine() {}

  /**
   * In a one-to-one conversation the sender of the latest message sees "Sent", "Delivered" or
   * "Read"; the other person sees nothing.
   */
  public static String direct(
      long latestSeq, String senderId, String viewerId, Map<String, Watermark> marks) {
    if (latestSeq <= 0 || !senderId.equals(viewerId)) {
      return "";
    }
    Watermark other =
        marks.entrySet().stream()
            .filter(e -> !e.getKey().equals(viewerId))
            .map(Map.Entry::getValue)
            .reduce(new Watermark(0, 0), Watermark::raise);
    if (other.read() >= latestSeq) {
      return "Read";
    }
    return other.delivered() >= latestSeq ? "Delivered" : "Sent";
  }

  /**
   * In rooms and group conversations: "Seen by Bob and Carol", collapsed past a few names, or "Seen
   * by everyone". The viewer and the sender are never listed.
   *
   * @param names display names of the members who have marks (others are skipped)
   * @param othersInRoom how many members there are besides the sender
   */
  public static String seenBy(
      long latestSeq,
      String senderId,
      String viewerId,
      Map<String, Watermark> marks,
      Map<String, String> names,
      int othersInRoom) {
    if (latestSeq <= 0) {
      return "";
    }
    List<String> readers =
        marks.entrySet().stream()
            .filter(e -> e.getValue().read() >= latestSeq)
            .map(Map.Entry::getKey)
            .filter(id -> !id.equals(senderId))
            .toList();
    List<String> shown =
        readers.stream()
            .filter(id -> !id.equals(viewerId) && names.containsKey(id))
            .map(names::get)
            .sorted(Comparator.comparing(String::toLowerCase))
            .toList();
    if (shown.isEmpty()) {
      return "";
    }
    if (othersInRoom > 2 && readers.size() >= othersInRoom) {
      return "Seen by everyone";
    }
    if (shown.size() <= NAMES_SHOWN) {
      return "Seen by " + join(shown);
    }
    int rest = shown.size() - NAMES_SHOWN;
    return "Seen by "
        + String.join(", ", shown.subList(0, NAMES_SHOWN))
        + " and "
        + rest
        + (rest == 1 ? " other" : " others");
  }

  private static String join(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
