package io.parley.render;

import io.parley.common.DomainException;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.reports.Report;
import io.parley.rooms.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reports as pages show them: with the reported message as the room shows it now. */
@ApplicationScoped
public class ReportViews {

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject RoomService rooms;
  @Inject MessageService messages;
  @Inject RoomViews views;

  /** The reports for {@code viewerId}, who may read each of their rooms. */
  public List<ReportView> of(List<Report> reports, String viewerId) {
    Set<String> people = new HashSet<>();
    reports.forEach(
        r -> {
          people.add(r.senderId());
          people.add(r.reporterId());
        });
    Map<String, String> names = views.names(people);
    List<ReportView> shown = new ArrayList<>();
    for (Report r : reports) {
      String title;
      MessageView message;
      try {
        var room = rooms.access().visible(viewerId, r.roomId());
        Message m = messages.message(viewerId, r.roomId(), r.seq());
        title = room.name() == null ? "a direct conversation" : "#" + room.name();
        message = views.messages(List.of(m), viewerId).get(0);
      } catch (DomainException e) {
        title = "a room you can no longer see"; // a reporter who left or was removed since
        message = null;
      }
      shown.add(
          new ReportView(
              r.id(),
              r.roomId(),
              title,
              message,
              names.getOrDefault(r.senderId(), "someone"),
              names.getOrDefault(r.reporterId(), "someone"),
              r.reason(),
              AT.format(r.at()),
              r.status().name().toLowerCase(Locale.ROOT),
              r.outcome()));
    }
    return shown;
  }
}
