package io.parley.away;

import java.util.List;

/**
 * One email to one person: what they missed, with or without the messages' text, and the token of
 * their unsubscribe link.
 */
public record Digest(
    String userId,
    String displayName,
    String to,
    List<MissedItem> items,
    boolean includeText,
    String unsubscribeToken) {

  public Digest {
    items = List.copyOf(items);
  }
}
