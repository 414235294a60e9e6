package io.parley.ws;

import io.parley.messaging.Message;
import java.util.HashMap;
import java.util.Map;

/**
 * The unread and mention badges of one tab's sidebar, kept from what the tab was told: read marks
 * when it connected and since, the newest seq per room, and mention counts (asked of the store only
 * when the tab does not know them yet). Not thread-safe: the connection calls it under its lock.
 */
final class Badges {

  /** A sidebar badge: unread messages and, among them, those mentioning the user. */
  record Badge(long unread, long mentions) {}

  /** Counts the messages above a seq that mention a user, when the tab does not know yet. */
  interface MentionCounter {
    long since(String userId, String roomId, long afterSeq);
  }

  private final String userId;
  private final Map<String, Long> lastRead = new HashMap<>();
  private final Map<String, Long> latest = new HashMap<>();
  private final Map<String, Long> mentions = new HashMap<>();

  Badges(String userId, Map<String, Long> lastRead) {
    this.userId = userId;
    this.lastRead.putAll(lastRead);
  }

  /** A message arrived in a room the tab does not watch (it is stored already). */
  Badge arrived(Message m, MentionCounter counter) {
    latest.merge(m.roomId(), m.seq(), Math::max);
    long read = lastRead.getOrDefault(m.roomId(), 0L);
    Long known = mentions.get(m.roomId());
    long count =
        known == null
            ? counter.since(userId, m.roomId(), read)
            : known + (m.mentions(userId) ? 1 : 0);
    mentions.put(m.roomId(), count);
    return new Badge(Math.max(0, m.seq() - read), count);
  }

  /**
   * The user read the room up to {@code seq}, here or elsewhere; null when that changes nothing.
   */
  Badge readUpTo(String roomId, long seq, MentionCounter counter) {
    if (seq <= lastRead.getOrDefault(roomId, 0L)) {
      return null;
    }
    lastRead.put(roomId, seq);
    long unread = Math.max(0, latest.getOrDefault(roomId, seq) - seq);
    long count = unread == 0 ? 0 : counter.since(userId, roomId, seq);
    mentions.put(roomId, count);
    return new Badge(unread, count);
  }
}
