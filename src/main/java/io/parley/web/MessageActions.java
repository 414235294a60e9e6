package io.parley.web;

import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.render.EmojiCatalogue;
import io.parley.render.RoomViews;
import io.parley.render.Views;
import io.parley.reports.ReportService;
import io.parley.rooms.RoomService;
import io.parley.security.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What people do to one message from the room page: edit, delete, react, pin. Each action is a
 * plain form (it works without JavaScript: the answer sends the browser back to the room); with
 * htmx the form posts in the background (204) and the change reaches every open page, this one
 * included, over the live socket.
 *
 * <pre>
 * GET  /rooms/{id}/messages/{seq}          the message fragment (htmx: cancel an edit)
 * GET  /rooms/{id}/messages/{seq}/menu     its actions for this viewer (fragment, or a page)
 * GET  /rooms/{id}/messages/{seq}/edit     the edit form (fragment, or a page)
 * GET  /rooms/{id}/messages/{seq}/react    the emoji picker (fragment, or a page)
 * GET  /rooms/{id}/messages/{seq}/edits    earlier versions (the room's moderators)
 * POST /rooms/{id}/messages/{seq}/edit     body, clientChangeId
 * POST /rooms/{id}/messages/{seq}/delete   clientChangeId
 * POST /rooms/{id}/messages/{seq}/remove   reason, clientChangeId (the room's moderators)
 * POST /rooms/{id}/messages/{seq}/react    emoji, clientChangeId (toggles yours)
 * POST /rooms/{id}/messages/{seq}/pin      pinned=true|false, clientChangeId
 * POST /rooms/{id}/messages/{seq}/report   reason (to the room's moderators)
 * </pre>
 */
@ApplicationScoped
public class MessageActions {

  @Inject MessageService messages;
  @Inject RoomService rooms;
  @Inject RoomViews views;
  @Inject Views templates;
  @Inject ReportService reports;

  /** Whether the path is one of a message's pages: {id}/messages/{seq}[/action]. */
  static boolean handles(String[] path) {
    return path.length >= 3 && path.length <= 4 && path[1].equals("messages");
  }

  void get(SignedIn me, String[] path, HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    String roomId = path[0];
    long seq = seq(path[2]);
    Message m = messages.message(me.userId(), roomId, seq);
    String action = path.length == 4 ? path[3] : "";
    Map<String, Object> model = new HashMap<>();
    model.put("roomId", roomId);
    model.put("seq", seq);
    switch (action) {
      case "" -> {
        if (!Requests.isHtmx(req)) {
          Requests.seeOther(resp, "/rooms/" + roomId);
          return;
        }
        var view = views.messages(List.of(m), me.userId()).get(0);
        Requests.html(resp, 200, templates.fragment(Views.Fragment.MESSAGE, Map.of("m", view)));
        return;
      }
      case "menu" -> {
        if (m.deleted()) {
          throw DomainException.conflict("that message was deleted");
        }
        // Per viewer, on demand: the message itself is rendered once for everyone.
        model.put("quick", EmojiCatalogue.get().quick());
        model.put("canReply", !m.isReply());
        model.put("pinned", m.pinned());
        model.put("mine", m.senderId().equals(me.userId()));
        model.put(
            "canRemove",
            !m.senderId().equals(me.userId()) && rooms.canModerate(me.userId(), roomId));
        model.put("canReport", !m.senderId().equals(me.userId()));
        model.put("menu", true);
        model.put("heading", "Message actions");
      }
      case "edit" -> {
        if (!m.senderId().equals(me.userId()) || m.deleted()) {
          throw DomainException.forbidden("you can only edit your own messages");
        }
        model.put("body", m.body());
        model.put("editing", true);
        model.put("heading", "Edit your message");
      }
      case "edits" -> {
        var versions = messages.editHistory(me.userId(), roomId, seq);
        var names = views.names(versions.stream().map(e -> e.editorId()).toList());
        model.put(
            "versions",
            versions.stream()
                .map(
                    e ->
                        Map.of(
                            "editor", names.getOrDefault(e.editorId(), "someone"),
                            "at", e.at().toString(),
                            "body", e.previousBody()))
                .toList());
        model.put("current", m.body());
        model.put("history", true);
        model.put("heading", "Earlier versions");
      }
      case "react" -> {
        if (m.deleted()) {
          throw DomainException.conflict("that message was deleted");
        }
        model.put("groups", EmojiCatalogue.get().groups());
        model.put("picking", true);
        model.put("heading", "React to a message");
      }
      default -> throw DomainException.notFound("no such page");
    }
    if (Requests.isHtmx(req)) {
      Views.Fragment fragment =
          switch (action) {
            case "edit" -> Views.Fragment.EDIT_FORM;
            case "menu" -> Views.Fragment.MESSAGE_MENU;
            case "edits" -> Views.Fragment.EDIT_HISTORY;
            default -> Views.Fragment.PICKER;
          };
      Requests.html(resp, 200, templates.fragment(fragment, model));
    } else {
      model.put("me", me.user());
      model.put("sidebar", views.sidebar(me.userId()));
      Requests.html(resp, 200, templates.page(Views.Page.MESSAGE_ACTION, model));
    }
  }

  void post(SignedIn me, String[] path, HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    if (path.length != 4) {
      throw DomainException.notFound("no such page");
    }
    String roomId = path[0];
    long seq = seq(path[2]);
    if (path[3].equals("report")) {
      reports.report(me.userId(), roomId, seq, req.getParameter("reason"));
      if (Requests.isHtmx(req)) {
        Requests.html(resp, 200, templates.fragment(Views.Fragment.REPORTED, Map.of()));
      } else {
        Requests.seeOther(resp, "/rooms/" + roomId);
      }
      return;
    }
    String changeId = changeId(req);
    switch (path[3]) {
      case "edit" -> messages.edit(me.userId(), roomId, seq, req.getParameter("body"), changeId);
      case "delete" -> messages.delete(me.userId(), roomId, seq, changeId);
      case "remove" ->
          messages.remove(me.userId(), roomId, seq, req.getParameter("reason"), changeId);
      case "react" -> messages.react(me.userId(), roomId, seq, req.getParameter("emoji"), changeId);
      case "pin" ->
          messages.pin(
              me.userId(), roomId, seq, !"false".equals(req.getParameter("pinned")), changeId);
      default -> throw DomainException.notFound("no such page");
    }
    done(req, resp, "/rooms/" + roomId);
  }

  /** An htmx post is answered with nothing (the socket brings the change); a form goes back. */
  static void done(HttpServletRequest req, HttpServletResponse resp, String back) {
    if (Requests.isHtmx(req)) {
      resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else {
      Requests.seeOther(resp, back);
    }
  }

  /** The page's id for this change; a form posted without scripts gets a fresh one. */
  static String changeId(HttpServletRequest req) {
    return changeId(req, "clientChangeId");
  }

  /** The page's id in {@code parameter}, or a fresh one. */
  static String changeId(HttpServletRequest req, String parameter) {
    String id = req.getParameter(parameter);
    return id == null || id.isBlank() ? Ids.newId() : id;
  }

  static long seq(String value) {
    try {
      long seq = Long.parseLong(value);
      if (seq > 0) {
        return seq;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw DomainException.notFound("no such message");
  }
}
