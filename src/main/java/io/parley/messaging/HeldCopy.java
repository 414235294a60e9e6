package io.parley.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A message deleted or removed while a legal hold covered it: what it was (text, files) and its
 * earlier versions, kept for exports until the hold is lifted, though nobody sees it in the room.
 */
public record HeldCopy(
    Message original, List<MessageEdit> versions, String deletedBy, Instant deletedAt) {

  public HeldCopy {
    versions = versions == null ? List.of() : List.copyOf(versions);
  }
}
