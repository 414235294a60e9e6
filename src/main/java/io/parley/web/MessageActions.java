package io.parley.web;

import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.render.EmojiCatalogue;
import io.parley.render.PageModels;
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
import java.util.List;

/**
 * What people do to one message from the room page: edit, delete, react, pin. Each action is a
 * plain form (it works without JavaScript: the answer sends the browser back to the room); with
 * htmx the form posts in the background (204) and the change reaches every open page, this one
 * included, over the live socket.
 *
 * <pre>
 * GET  /rooms/{id}/messages/{seq}          the message fragment (htmx: cancel an edit); without
 *                                          htmx its permanent link: the room opened at it
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
 * GET  /rooms/{id}/messages/{seq}/forward  the rooms it may go to (fragment, or a page)
 * POST /rooms/{id}/messages/{seq}/forward  to, comment
 * </pre>
 */
@ApplicationScoped
public class MessageActions {

  @Inject MessageService messages;
  @Inject RoomService rooms;
  @Inject RoomViews views;
  @Inject Views templates;
  @Inject ReportService reports;
  @Inject LaterActions laterActions;
  @Inject Forwarding forwarding;
  @Inject io.parley.emoji.CustomEmojis customEmoji;
  @Inject io.parley.later.SavedMessages later;

  /** Whether the path is one of a message's pages: {id}/messages/{seq}[/action]. */
  void get(Routes.Call call, String action) throws IOException {
    SignedIn me = call.me();
    HttpServletRequest req = call.req();
    HttpServletResponse resp = call.resp();
    String roomId = call.path("id");
    long seq = seq(call.path("seq"));
    Message m = messages.message(me.userId(), roomId, seq);
    io.parley.render.Model model;
    switch (action) {
      case "" -> {
        if (!Requests.isHtmx(req)) {
          // The message's permanent link: the room opened at it, for people who may read it.
          Requests.seeOther(
              resp,
              io.parley.render.SearchViews.jumpTo(
                  roomId, seq, m.threadOf(), m.threadOf() == 0 || m.alsoInRoom()));
          return;
        }
        var view = views.messages(List.of(m), me.userId()).get(0);
        Requests.html(
            resp, 200, templates.fragment(Views.Fragment.MESSAGE, new PageModels.OneMessage(view)));
        return;
      }
      case "menu" -> {
        if (m.deleted()) {
          throw DomainException.conflict("that message was deleted");
        }
        // Per viewer, on demand: the message itself is rendered once for everyone.
        boolean mine = m.senderId().equals(me.userId());
        model =
            new PageModels.MessageMenu(
                roomId,
                seq,
                "Message actions",
                EmojiCatalogue.get().quick(),
                !m.isReply(),
                m.pinned(),
                mine,
                !mine && rooms.access().canModerate(me.userId(), roomId),
                !mine,
                true,
                later.isSaved(me.userId(), roomId, seq));
      }
      case "edit" -> {
        if (!m.senderId().equals(me.userId()) || m.deleted()) {
          throw DomainException.forbidden("you can only edit your own messages");
        }
        model = new PageModels.EditForm(roomId, seq, "Edit your message", m.body(), true);
      }
      case "edits" -> {
        var versions = messages.editHistory(me.userId(), roomId, seq);
        var names = views.names(versions.stream().map(e -> e.editorId()).toList());
        model =
            new PageModels.EditHistoryPanel(
                roomId,
                seq,
                "Earlier versions",
                versions.stream()
                    .map(
                        e ->
                            new PageModels.EarlierVersion(
                                names.getOrDefault(e.editorId(), "someone"),
                                e.at().toString(),
                                e.previousBody()))
                    .toList(),
                m.body(),
                true);
      }
      case "forward" -> {
        if (m.deleted()) {
          throw DomainException.conflict("that message was deleted");
        }
        model =
            new PageModels.ForwardForm(
                roomId,
                seq,
                "Forward a message",
                views.sidebar(me.userId()).stream()
                    .filter(r -> rooms.access().canPost(me.userId(), r.id()))
                    .toList(),
                true);
      }
      case "react" -> {
        if (m.deleted()) {
          throw DomainException.conflict("that message was deleted");
        }
        model =
            new PageModels.EmojiPicker(
                roomId,
                seq,
                "React to a message",
                EmojiCatalogue.get().groups(),
                true,
                customEmoji.names().stream().sorted().toList());
      }
      default -> throw DomainException.notFound("no such page");
    }
    if (Requests.isHtmx(req)) {
      Views.Fragment fragment =
          switch (action) {
            case "edit" -> Views.Fragment.EDIT_FORM;
            case "menu" -> Views.Fragment.MESSAGE_MENU;
            case "edits" -> Views.Fragment.EDIT_HISTORY;
            case "forward" -> Views.Fragment.FORWARD_FORM;
            default -> Views.Fragment.PICKER;
          };
      Requests.html(resp, 200, templates.fragment(fragment, model));
    } else {
      var page = new PageModels.MessageActionPage(views.frame(me.user()), model);
      Requests.html(resp, 200, templates.page(Views.Page.MESSAGE_ACTION, page));
    }
  }

  void post(Routes.Call call) throws IOException {
    SignedIn me = call.me();
    HttpServletRequest req = call.req();
    HttpServletResponse resp = call.resp();
    String roomId = call.path("id");
    long seq = seq(call.path("seq"));
    String action = call.path("action");
    if (action.equals("report")) {
      reports.report(me.userId(), roomId, seq, req.getParameter("reason"));
      if (Requests.isHtmx(req)) {
        Requests.html(
            resp, 200, templates.fragment(Views.Fragment.REPORTED, new PageModels.Nothing()));
      } else {
        Requests.seeOther(resp, "/rooms/" + roomId);
      }
      return;
    }
    if (action.equals("forward")) {
      forwarding.forward(call, seq);
      return;
    }
    if (action.equals("save") || action.equals("remind")) {
      laterActions.onMessage(call, action, seq);
      return;
    }
    String changeId = changeId(req);
    switch (action) {
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
