package io.parley.receipts;

import java.util.Map;

/** Where read watermarks are kept; one record per user and room, never one per message. */
public interface ReceiptStore {

  /** Raises the user's watermark in the room to {@code seq}; never lowers it. */
  void markRead(String userId, String roomId, long seq);

  /** The user's watermark per room id; rooms never read are absent. */
  Map<String, Long> lastRead(String userId);
}
