package io.parley.web;

import io.parley.common.DomainException;
import io.parley.later.ReminderTimes;
import io.parley.later.Reminders;
import io.parley.later.SavedMessages;
import io.parley.later.ScheduledMessage;
import io.parley.later.ScheduledMessages;
import io.parley.render.LiveFragments;
import io.parley.render.MessageRefs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * A room page's ways to keep something for later: save a message, be reminded of it, or send the
 * composer's text later. Forms without scripts go on to the list they added to; htmx gets a line in
 * the page's notices (refusals as plain text, which the page shows in the status line).
 *
 * <pre>
 * POST /rooms/{id}/messages/{seq}/save     saved=true|false
 * POST /rooms/{id}/messages/{seq}/remind   when=20m|1h|3h|tomorrow|custom, at, zone
 * POST /rooms/{id}/later                   body, when, at, zone, threadOf
 * POST /rooms/{id}/draft                   body, threadOf: what is typed and not sent yet
 * </pre>
 */
@ApplicationScoped
public class LaterActions {

  /** The event an htmx page hears when its composer's text was scheduled (it clears the box). */
  static final String SCHEDULED_EVENT = "parley-scheduled";

  @Inject SavedMessages saved;
  @Inject Reminders reminders;
  @Inject ScheduledMessages scheduled;
  @Inject io.parley.later.Drafts drafts;
  @Inject LiveFragments live;
  @Inject Clock clock;

  void onMessage(Routes.Call call, String action, long seq) throws IOException {
    HttpServletRequest req = call.req();
    String userId = call.me().userId();
    String roomId = call.path("id");
    try {
      if (action.equals("save")) {
        boolean save = !"false".equals(req.getParameter("saved"));
        if (save) {
          saved.save(userId, roomId, seq);
        } else {
          saved.remove(userId, roomId, seq);
        }
        answer(
            call,
            save ? "Saved. Your saved messages are under Saved." : "Removed from Saved.",
            "/rooms/" + roomId);
        return;
      }
      Instant at = when(req);
      reminders.remind(userId, roomId, seq, at);
      answer(call, "I will remind you " + MessageRefs.label(at) + ".", "/later");
    } catch (DomainException e) {
      refuse(call, e);
    }
  }

  void sendLater(Routes.Call call) throws IOException {
    HttpServletRequest req = call.req();
    try {
      Long threadOf = Requests.optionalLong(req, "threadOf");
      ScheduledMessage m =
          scheduled.schedule(
              call.me().userId(),
              call.path("id"),
              threadOf == null ? 0 : threadOf,
              req.getParameter("body"),
              when(req));
      if (Requests.isHtmx(req)) {
        call.resp().setHeader("HX-Trigger", SCHEDULED_EVENT);
      }
      answer(
          call,
          "Scheduled for " + MessageRefs.label(m.sendAt()) + ". Change or cancel it under Later.",
          "/later");
    } catch (DomainException e) {
      refuse(call, e);
    }
  }

  /** The composer's text kept as it is typed (empty: none); 204. */
  void saveDraft(Routes.Call call) throws IOException {
    try {
      Long threadOf = Requests.optionalLong(call.req(), "threadOf");
      drafts.save(
          call.me().userId(),
          call.path("id"),
          threadOf == null ? 0 : threadOf,
          call.req().getParameter("body"));
      call.resp().setStatus(HttpServletResponse.SC_NO_CONTENT);
    } catch (DomainException e) {
      refuse(call, e);
    }
  }

  private Instant when(HttpServletRequest req) {
    return ReminderTimes.at(
        req.getParameter("when"),
        req.getParameter("at"),
        req.getParameter("zone"),
        clock.instant());
  }

  private void answer(Routes.Call call, String text, String next) throws IOException {
    if (Requests.isHtmx(call.req())) {
      Requests.html(call.resp(), 200, live.notice(text, null));
    } else {
      Requests.seeOther(call.resp(), next);
    }
  }

  /** htmx shows a refusal's text in the status line; a plain form gets the error page. */
  static void refuse(Routes.Call call, DomainException e) throws IOException {
    if (!Requests.isHtmx(call.req())) {
      throw e;
    }
    HttpServletResponse resp = call.resp();
    resp.setStatus(Requests.status(e));
    resp.setContentType("text/plain;charset=UTF-8");
    resp.getWriter().write(e.getMessage());
  }
}
