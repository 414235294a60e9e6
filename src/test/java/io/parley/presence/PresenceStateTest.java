package io.parley.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceStateTest {

  @Test
  void severalTabsCountAsOnePerson() {
    assertEquals(PresenceState.OFFLINE, PresenceState.combine(List.of()));
    assertEquals(
        PresenceState.AWAY, PresenceState.combine(List.of(PresenceState.AWAY, PresenceState.AWAY)));
    assertEquals(
        PresenceState.ONLINE,
        PresenceState.combine(List.of(PresenceState.AWAY, PresenceState.ONLINE)));
  }

  @Test
  void readsWhatTheClientReports() {
    assertEquals(PresenceState.AWAY, PresenceState.reported("away"));
    assertEquals(PresenceState.ONLINE, PresenceState.reported("online"));
    assertEquals(PresenceState.ONLINE, PresenceState.reported(null));
  }
}
