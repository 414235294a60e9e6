package io.parley.web;

import io.parley.common.DomainException;
import io.parley.later.ReminderTimes;
import io.parley.later.Reminders;
import io.parley.later.SavedMessages;
import io.parley.later.ScheduledMessages;
import io.parley.messaging.MessageService;
import io.parley.render.LaterModels;
import io.parley.render.MessageRefs;
import io.parley.render.Views;
import io.parley.rooms.RoomService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's own lists: the messages they saved, and what waits for later (messages scheduled to
 * send, reminders).
 *
 * <pre>
 * GET  /saved                                  saved messages, newest saved first
 * POST /saved/{roomId}/{seq}/remove            remove one
 * GET  /later                                  scheduled messages and reminders
 * POST /later/scheduled/{id}                   body, when, at, zone: change one
 * POST /later/scheduled/{id}/cancel            cancel one (a failed one: delete it)
 * POST /later/reminders/{id}/cancel            cancel or dismiss a reminder
 * </pre>
 */
@WebServlet(urlPatterns = {"/saved", "/saved/*", "/later", "/later/*"})
public class LaterPages extends RoutedPages {

  @Inject SavedMessages saved;
  @Inject Reminders reminders;
  @Inject ScheduledMessages scheduled;
  @Inject MessageService messages;
  @Inject RoomService rooms;
  @Inject MessageRefs refs;
  @Inject Clock clock;

  private final Routes routes =
      new Routes()
          .get("/saved", call -> savedPage(call))
          .post("/saved/{room}/{seq}/remove", call -> removeSaved(call))
          .get("/later", call -> laterPage(call, null, null, 200))
          .post("/later/scheduled/{id}", call -> editScheduled(call))
          .post("/later/scheduled/{id}/cancel", call -> cancelScheduled(call))
          .post("/later/reminders/{id}/cancel", call -> cancelReminder(call));

  @Override
  protected Routes routes() {
    return routes;
  }

  private void savedPage(Routes.Call call) throws IOException {
    String me = call.me().userId();
    List<LaterModels.SavedRow> rows = new ArrayList<>();
    for (var s : saved.list(me)) {
      rows.add(
          new LaterModels.SavedRow(
              refs.of(s.message(), me), MessageRefs.label(s.entry().savedAt())));
    }
    var page =
        new LaterModels.SavedPage(views.frame(call.me().user()), rows, SavedMessages.MAX_SAVED);
    Requests.html(call.resp(), 200, templates.page(Views.Page.SAVED, page));
  }

  private void removeSaved(Routes.Call call) throws IOException {
    saved.remove(call.me().userId(), call.path("room"), MessageActions.seq(call.path("seq")));
    Requests.seeOther(call.resp(), "/saved");
  }

  private void laterPage(Routes.Call call, String error, String done, int status)
      throws IOException {
    String me = call.me().userId();
    List<LaterModels.ScheduledRow> waiting = new ArrayList<>();
    for (var m : scheduled.list(me)) {
      String room;
      try {
        room = views.view(rooms.access().visible(me, m.roomId()), me, 0, 0).title();
      } catch (DomainException e) {
        room = "a room you have left";
      }
      waiting.add(
          new LaterModels.ScheduledRow(
              m.id(),
              m.roomId(),
              room,
              m.threadOf(),
              m.body(),
              m.sendAt().toString(),
              MessageRefs.label(m.sendAt()),
              m.sendAt().toString().substring(0, 16),
              m.failure()));
    }
    List<LaterModels.ReminderRow> due = new ArrayList<>();
    for (var r : reminders.list(me)) {
      LaterModels.MessageRef ref;
      try {
        ref = refs.of(messages.message(me, r.roomId(), r.seq()), me);
      } catch (DomainException e) {
        ref = null; // a message the person may no longer read: listed without it
      }
      due.add(
          new LaterModels.ReminderRow(
              r.id(), ref, r.dueAt().toString(), MessageRefs.label(r.dueAt()), r.fired()));
    }
    var page = new LaterModels.LaterPage(views.frame(call.me().user()), waiting, due, error, done);
    Requests.html(call.resp(), status, templates.page(Views.Page.LATER, page));
  }

  private void editScheduled(Routes.Call call) throws IOException {
    HttpServletRequest req = call.req();
    try {
      scheduled.edit(
          call.me().userId(),
          call.path("id"),
          req.getParameter("body"),
          ReminderTimes.at(
              req.getParameter("when"),
              req.getParameter("at"),
              req.getParameter("zone"),
              clock.instant()));
      laterPage(call, null, "Changed.", 200);
    } catch (DomainException e) {
      laterPage(call, e.getMessage(), null, Requests.status(e));
    }
  }

  private void cancelScheduled(Routes.Call call) throws IOException {
    scheduled.cancel(call.me().userId(), call.path("id"));
    Requests.seeOther(call.resp(), "/later");
  }

  private void cancelReminder(Routes.Call call) throws IOException {
    reminders.cancel(call.me().userId(), call.path("id"));
    Requests.seeOther(call.resp(), "/later");
  }
}
