package io.parley.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.RecordingAuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mutes and bans that end by themselves, and slow mode, against a clock the test moves. */
class TimedModerationTest {

  private Instant now = Instant.parse("2026-11-29T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final List<String> standing = new ArrayList<>();
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final RoomService rooms =
      new RoomService(
          RoomContext.of(
                  new InMemoryRoomDirectory(),
                  clock,
                  new MembershipListener() {
                    @Override
                    public void joined(String roomId, Collection<String> userIds) {}

                    @Override
                    public void standingChanged(String roomId, Collection<String> userIds) {
                      standing.add(roomId + " " + userIds);
                    }
                  })
              .withAudit(audit));
  private final Room room = rooms.lifecycle().create("owner", "general", RoomType.PUBLIC);

  TimedModerationTest() {
    rooms.memberships().join("eve", room.id());
    audit.clear(); // the setting up is not what these tests look at
  }

  @Test
  void aTimedMuteEndsByItselfAndSaysUntilWhen() {
    rooms
        .moderation()
        .moderate("owner", room.id(), "eve", Moderation.MUTE, Duration.ofMinutes(10), "spam");

    DomainException refused =
        assertThrows(DomainException.class, () -> rooms.access().requirePoster("eve", room.id()));
    assertEquals(
        "you are muted in this room until 2026-11-29T10:10:00Z (UTC)", refused.getMessage());
    assertEquals(List.of(room.id() + " [eve]"), standing, "their pages are told");
    now = now.plus(Duration.ofMinutes(9));
    assertFalse(rooms.access().canPost("eve", room.id()));
    now = now.plus(Duration.ofMinutes(1));
    assertTrue(rooms.access().canPost("eve", room.id()), "lifted at the time, with nobody acting");
    assertEquals("2026-11-29T10:10:00Z", audit.entries().get(0).detail().get("until"));
    assertEquals("spam", audit.entries().get(0).reason());
  }

  @Test
  void aMuteWithoutEndHoldsUntilUnmuted() {
    rooms.moderation().moderate("owner", room.id(), "eve", Moderation.MUTE, null, null);
    now = now.plus(Duration.ofDays(400));
    assertFalse(rooms.access().canPost("eve", room.id()));
    rooms.moderation().moderate("owner", room.id(), "eve", Moderation.UNMUTE);
    assertTrue(rooms.access().canPost("eve", room.id()));
    assertEquals("lifted by a moderator", audit.entries().get(0).detail().get("until"));
  }

  @Test
  void aTimedBanKeepsThemOutUntilItEnds() {
    rooms
        .moderation()
        .moderate("owner", room.id(), "eve", Moderation.BAN, Duration.ofHours(1), null);

    DomainException refused =
        assertThrows(DomainException.class, () -> rooms.memberships().join("eve", room.id()));
    assertTrue(
        refused.getMessage().endsWith("until 2026-11-29T11:00:00Z (UTC)"), refused.getMessage());
    now = now.plus(Duration.ofMinutes(61));
    rooms.memberships().join("eve", room.id());
    assertTrue(rooms.access().canPost("eve", room.id()));
  }

  @Test
  void aMuteOrBanMustLastAPositiveTime() {
    assertThrows(
        DomainException.class,
        () ->
            rooms
                .moderation()
                .moderate("owner", room.id(), "eve", Moderation.MUTE, Duration.ZERO, null));
  }

  @Test
  void slowModeSpacesOnePersonsMessagesButNotModeratorsOrRetries() {
    rooms.settings().setSlowMode("owner", room.id(), 30);
    assertEquals(List.of(room.id() + " []"), standing, "every page redraws its composer");

    rooms.settings().requireSlowModeTurn("eve", room.id(), "m1");
    rooms.settings().requireSlowModeTurn("eve", room.id(), "m1"); // the same send, retried
    now = now.plus(Duration.ofSeconds(10));
    DomainException wait =
        assertThrows(
            DomainException.class,
            () -> rooms.settings().requireSlowModeTurn("eve", room.id(), "m2"));
    assertEquals(20, wait.retryAfterSeconds());
    rooms.settings().requireSlowModeTurn("owner", room.id(), "o1");
    rooms.settings().requireSlowModeTurn("owner", room.id(), "o2");
    now = now.plus(Duration.ofSeconds(20));
    rooms.settings().requireSlowModeTurn("eve", room.id(), "m2");

    assertThrows(DomainException.class, () -> rooms.settings().setSlowMode("eve", room.id(), 0));
    assertThrows(DomainException.class, () -> rooms.settings().setSlowMode("owner", room.id(), -1));
    rooms.settings().setSlowMode("owner", room.id(), 0);
    rooms.settings().requireSlowModeTurn("eve", room.id(), "m3");
    assertEquals("0", audit.entries().get(audit.entries().size() - 1).detail().get("seconds"));
  }
}
