package io.parley.ws;

import io.parley.render.LiveFragments;
import io.parley.reports.ReportChange;
import io.parley.reports.ReportEvents;
import io.parley.reports.ReportService;
import io.parley.rooms.RoomService;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports filed or handled anywhere in the cluster: the open pages of the room's moderators show
 * the new count of their queue, and the reporter's pages say what became of their report.
 */
@ApplicationScoped
public class ReportFeed extends Feed {

  private static final Logger LOG = Logger.getLogger(ReportFeed.class.getName());

  @Inject ReportEvents events;
  @Inject LiveConnections connections;
  @Inject ReportService reports;
  @Inject RoomService rooms;
  @Inject UserService users;
  @Inject LiveFragments fragments;

  @Override
  protected void follow() {
    on(events::subscribe, change -> "reports", this::changed);
  }

  void changed(ReportChange change) {
    java.util.Set<String> inRoom = new java.util.HashSet<>();
    connections.inRoom(change.roomId()).forEach(c -> inRoom.add(c.userId()));
    java.util.Set<String> moderators = new java.util.HashSet<>();
    connections.all().forEach(c -> moderators.add(c.userId()));
    moderators.removeIf(u -> !moderates(u, change.roomId(), inRoom.contains(u)));
    // Each moderator's new count, from one read of the open reports.
    Map<String, String> link = new HashMap<>();
    reports
        .openCounts(moderators)
        .forEach((userId, count) -> link.put(userId, fragments.reportsLink(true, count)));
    String outcome =
        change.outcome() == null
            ? null
            : fragments.notice("Your report was handled: " + change.outcome() + ".");
    for (LiveConnection c : connections.all()) {
      try {
        String html = link.get(c.userId());
        if (html != null) {
          c.send(html);
        }
        if (outcome != null && c.userId().equals(change.reporterId())) {
          c.send(outcome);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not tell a page about a report", e);
      }
    }
  }

  /** A global moderator, or (only people in the room can be) one of the room's moderators. */
  private boolean moderates(String userId, String roomId, boolean inRoom) {
    return users.isGlobalModerator(userId)
        || (inRoom && rooms.access().canModerate(userId, roomId));
  }
}
