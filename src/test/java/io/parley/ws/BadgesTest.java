package io.parley.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.messaging.Message;
import io.parley.testing.TestMessages;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BadgesTest {

  private final AtomicInteger storeCounts = new AtomicInteger();
  private final Badges badges = new Badges("bob", Map.of("r", 3L));

  /** The store says two messages above the mark mention Bob. */
  private final Badges.MentionCounter twoMentions =
      (user, room, after) -> {
        storeCounts.incrementAndGet();
        return 2;
      };

  private static Message message(long seq, Set<String> mentions) {
    return TestMessages.message("r", seq, mentions.toArray(String[]::new));
  }

  @Test
  void unreadIsTheDistanceFromTheReadMarkAndMentionsAreAskedOnce() {
    assertEquals(new Badges.Badge(2, 2), badges.arrived(message(5, Set.of()), twoMentions));
    assertEquals(1, storeCounts.get());
    assertEquals(
        new Badges.Badge(3, 3),
        badges.arrived(message(6, Set.of("bob")), twoMentions),
        "a mention of Bob counts on top of what the tab knows, without asking the store");
    assertEquals(new Badges.Badge(4, 3), badges.arrived(message(7, Set.of("cy")), twoMentions));
    assertEquals(1, storeCounts.get());
  }

  @Test
  void readingElsewhereClearsOrLowersTheBadge() {
    badges.arrived(message(7, Set.of()), twoMentions);
    assertEquals(new Badges.Badge(0, 0), badges.readUpTo("r", 7, twoMentions));
    assertNull(badges.readUpTo("r", 6, twoMentions), "an older mark changes nothing");
    badges.arrived(message(9, Set.of()), twoMentions);
    assertEquals(new Badges.Badge(1, 2), badges.readUpTo("r", 8, twoMentions));
  }

  @Test
  void aRoomNeverReadCountsFromTheStart() {
    assertEquals(
        new Badges.Badge(4, 2),
        new Badges("bob", Map.of()).arrived(message(4, Set.of()), twoMentions));
  }
}
