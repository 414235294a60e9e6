package io.parley.messaging;

/** Whether a legal hold covers a message: its room's, or its author's. */
@FunctionalInterface
public interface Holds {
  Holds NONE = (roomId, senderId) -> false;

  boolean covers(String roomId, String senderId);
}
