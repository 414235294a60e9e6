package io.parley.ws;

import io.parley.cluster.HazelcastPresence;
import io.parley.presence.PresenceState;
import io.parley.web.Dom;
import io.parley.web.Views;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** Pushes a person's presence dot to the tabs on this node that show them in a member list. */
@ApplicationScoped
public class PresenceFeed {

  @Inject HazelcastPresence presence;
  @Inject LiveConnections connections;
  @Inject Views views;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    presence.subscribe(this::changed);
  }

  /** Counts the connection as an open tab unless its user already has {@code limit}. */
  boolean admit(LiveConnection connection, PresenceState state, int limit) {
    return presence.admit(connection.id(), connection.userId(), state, limit);
  }

  void report(LiveConnection connection, PresenceState state) {
    presence.report(connection.id(), connection.userId(), state);
  }

  void closed(String tabId, String userId) {
    presence.closed(tabId, userId);
  }

  private void changed(String userId) {
    String html = null;
    for (LiveConnection connection : connections.all()) {
      if (connection.showsMember(userId)) {
        if (html == null) {
          html = views.fragment("fragments/live", "presence", model(userId));
        }
        connection.send(html);
      }
    }
  }

  private Map<String, Object> model(String userId) {
    Map<String, Object> model = new HashMap<>();
    model.put("userId", userId);
    model.put("key", Dom.key(userId));
    model.put("state", presence.stateOf(userId).name().toLowerCase());
    model.put("lastSeen", presence.lastSeen(userId).map(Object::toString).orElse(null));
    return model;
  }
}
