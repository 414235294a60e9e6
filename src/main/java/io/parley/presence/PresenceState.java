package io.parley.presence;

import java.util.Collection;

/** How present a person is, over all their tabs and devices. */
public enum PresenceState {
  ONLINE,
  AWAY,
  OFFLINE;

  /** Several tabs count as one person: online if any tab is, else away if any is connected. */
  public static PresenceState combine(Collection<PresenceState> connections) {
    if (connections.contains(ONLINE)) {
      return ONLINE;
    }
    return connections.contains(AWAY) ? AWAY : OFFLINE;
  }

  /** Reads a client's report; anything but "away" counts as online. */
  public static PresenceState reported(String value) {
    return "away".equals(value) ? AWAY : ONLINE;
  }
}
