package io.parley.ws;

import io.parley.presence.PresenceDirectory;
import io.parley.presence.PresenceState;
import io.parley.render.LiveFragments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes people's presence dots to the tabs on this node that show them in a member list,
 * coalesced: changes are collected and sent once a second, each tab getting one frame with the dots
 * of everyone it shows who changed (a room of a thousand people coming online at nine costs each
 * tab one frame a second, not a thousand). The cluster listener only collects.
 */
@ApplicationScoped
public class PresenceFeed extends Feed {

  static final long PUSH_EVERY_MILLIS = 1000;
  private static final Logger LOG = Logger.getLogger(PresenceFeed.class.getName());

  @Inject PresenceDirectory presence;
  @Inject LiveConnections connections;
  @Inject LiveFragments fragments;

  private final Set<String> changed = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService pusher = Schedulers.daemon("parley-presence-push");

  @Override
  protected void follow() {
    on(presence::subscribe, userId -> "presence", changed::add); // pushed in batches by the pusher
    pusher.scheduleWithFixedDelay(
        this::pushSafely, PUSH_EVERY_MILLIS, PUSH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void stopped() {
    pusher.shutdownNow();
  }

  /** Counts the connection as an open tab unless its user already has {@code limit}. */
  boolean admit(LiveConnection connection, String client, PresenceState state, int limit) {
    presence.opened(connection.id(), client);
    return presence.admit(connection.id(), connection.userId(), state, limit);
  }

  void report(LiveConnection connection, PresenceState state) {
    presence.report(connection.id(), connection.userId(), state);
  }

  void refresh(LiveConnection connection, PresenceState state) {
    presence.refresh(connection.id(), connection.userId(), state);
  }

  void closed(String tabId, String userId) {
    presence.closed(tabId, userId);
  }

  private void pushSafely() {
    try {
      push();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "presence push failed", e);
    }
  }

  /** One frame per tab with the dots of everyone it shows whose presence changed. */
  void push() {
    if (changed.isEmpty()) {
      return;
    }
    List<String> people = new ArrayList<>(changed);
    changed.removeAll(people);
    Map<String, String> dots = new HashMap<>();
    for (LiveConnection connection : connections.all()) {
      StringBuilder frame = null;
      for (String userId : people) {
        if (connection.showsMember(userId)) {
          String dot = dots.computeIfAbsent(userId, this::dot);
          frame = frame == null ? new StringBuilder(dot) : frame.append(dot);
        }
      }
      if (frame != null) {
        connection.send(frame.toString());
      }
    }
  }

  private String dot(String userId) {
    return fragments.presence(
        userId,
        presence.stateOf(userId).name().toLowerCase(),
        presence.lastSeen(userId).map(Object::toString).orElse(null));
  }
}
