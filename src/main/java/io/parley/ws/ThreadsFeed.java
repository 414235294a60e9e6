package io.parley.ws;

import io.parley.render.LiveFragments;
import io.parley.threads.ThreadActivity;
import io.parley.threads.ThreadEvents;
import io.parley.threads.ThreadInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A followed thread got a reply: the open pages of its followers on this node get the top bar's
 * Threads link with their new count (and the Threads page reloads its list when it sees it).
 */
@ApplicationScoped
public class ThreadsFeed extends Feed {

  @Inject ThreadEvents events;
  @Inject LiveConnections connections;
  @Inject ThreadInbox inbox;
  @Inject LiveFragments fragments;

  @Override
  protected void follow() {
    on(events::subscribe, ThreadActivity::roomId, this::changed);
  }

  void changed(ThreadActivity activity) {
    Set<String> followers = new HashSet<>(activity.followers());
    Map<String, String> link = new HashMap<>();
    for (LiveConnection c : connections.all()) {
      if (followers.contains(c.userId())) {
        c.send(
            link.computeIfAbsent(c.userId(), id -> fragments.threadsLink(inbox.unreadThreads(id))));
      }
    }
  }
}
