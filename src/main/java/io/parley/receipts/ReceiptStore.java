package io.parley.receipts;

import java.util.Map;

/** Where read watermarks are kept; one record per user and room, never one per message. */
public interface ReceiptStore {

  /** Raises the user's watermarks in the room; never lowers them. */
  void raise(String userId, String roomId, Watermark mark);

  /** The user's read watermark per room id; rooms never read are absent. */
  Map<String, Long> lastRead(String userId);

  /** Every member's watermarks in the room, by user id; members with none are absent. */
  Map<String, Watermark> inRoom(String roomId);
}
