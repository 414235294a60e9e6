package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.PageModels;
import io.parley.render.RoomViews;
import io.parley.render.Views;
import io.parley.retention.Hold;
import io.parley.retention.RetentionRun;
import io.parley.retention.RetentionService;
import io.parley.search.MessageIndex;
import io.parley.search.SearchIndexer;
import io.parley.security.SignedIn;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin console's retention page ({@code /admin/retention}): the default and the rooms with
 * their own retention, legal holds (place, lift), a run now, and this node's search index (size,
 * backlog, rebuild). Every form works without scripts; every change is audited by the service.
 */
@ApplicationScoped
public class RetentionConsole {

  @Inject RetentionService retention;
  @Inject UserService users;
  @Inject SearchIndexer indexer;
  @Inject MessageIndex index;
  @Inject RoomViews views;
  @Inject Views templates;

  void page(SignedIn me, HttpServletResponse resp, String done, String error) throws IOException {
    List<Hold> holds = retention.holds();
    Set<String> people =
        holds.stream()
            .filter(h -> h.kind() == Hold.Kind.PERSON)
            .map(Hold::targetId)
            .collect(Collectors.toSet());
    holds.forEach(h -> people.add(h.placedBy()));
    Map<String, User> byId = users.byIds(people);
    List<PageModels.HoldRow> rows = new ArrayList<>();
    for (Hold h : holds) {
      rows.add(
          new PageModels.HoldRow(
              h.kind() == Hold.Kind.ROOM ? "room" : "person",
              h.kind() == Hold.Kind.ROOM ? h.targetId() : username(byId, h.targetId()),
              username(byId, h.placedBy()),
              h.at().toString(),
              h.reason()));
    }
    var model =
        new PageModels.RetentionPage(
            views.frame(me.user()),
            done,
            error,
            retention.defaultDays(),
            retention.roomDays(),
            rows,
            index.size(),
            indexer.backlog());
    Requests.html(resp, error == null ? 200 : 400, templates.page(Views.Page.RETENTION, model));
  }

  void post(SignedIn me, HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String action = String.valueOf(req.getParameter("action"));
    String room = req.getParameter("roomId");
    String username = req.getParameter("username");
    String reason = req.getParameter("reason");
    try {
      String done =
          switch (action) {
            case "room-days" -> {
              String days = req.getParameter("days");
              retention.setRoomDays(
                  me.userId(),
                  required(room, "roomId"),
                  days == null || days.isBlank() ? null : Integer.valueOf(days.strip()));
              yield "The room's retention was set.";
            }
            case "hold-room" -> {
              retention.place(me.userId(), Hold.Kind.ROOM, required(room, "roomId"), reason);
              yield "The room is on hold: nothing in it is deleted.";
            }
            case "lift-room" -> {
              retention.lift(me.userId(), Hold.Kind.ROOM, required(room, "roomId"));
              yield "The room's hold was lifted.";
            }
            case "hold-person" -> {
              retention.place(
                  me.userId(), Hold.Kind.PERSON, users.requireByUsername(username).id(), reason);
              yield username + " is on hold: nothing they wrote is deleted.";
            }
            case "lift-person" -> {
              retention.lift(me.userId(), Hold.Kind.PERSON, users.requireByUsername(username).id());
              yield username + "'s hold was lifted.";
            }
            case "run" -> {
              RetentionRun run = retention.runNow(me.userId());
              yield "Retention ran: "
                  + run.messages()
                  + " messages and "
                  + run.files()
                  + " files removed in "
                  + run.rooms()
                  + " rooms, "
                  + run.held()
                  + " kept by holds.";
            }
            case "rebuild" -> {
              indexer.rebuild();
              yield "This server's search index is being rebuilt from the store.";
            }
            default -> throw DomainException.invalid("unknown action: " + action);
          };
      page(me, resp, done, null);
    } catch (NumberFormatException e) {
      page(me, resp, null, "Days must be a whole number (0 keeps forever).");
    } catch (DomainException e) {
      page(me, resp, null, e.getMessage());
    }
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(name + " is required");
    }
    return value.strip();
  }

  private static String username(Map<String, User> byId, String id) {
    User u = byId.get(id);
    return u == null ? id : u.username();
  }
}
