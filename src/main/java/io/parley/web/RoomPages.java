package io.parley.web;

import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.messaging.HistoryQuery;
import io.parley.messaging.Message;
import io.parley.messaging.MessagePage;
import io.parley.messaging.MessageService;
import io.parley.receipts.ReceiptRecorder;
import io.parley.receipts.ReceiptStore;
import io.parley.receipts.Watermark;
import io.parley.render.MemberView;
import io.parley.render.RoomView;
import io.parley.render.RoomViews;
import io.parley.render.Views;
import io.parley.rooms.Moderation;
import io.parley.rooms.Room;
import io.parley.rooms.RoomMode;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.security.SignedIn;
import io.parley.users.UserService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The room pages. Every form here also works without JavaScript (real action and method); htmx and
 * the WebSocket only enhance them.
 *
 * <pre>
 * GET  /rooms                     my rooms, public rooms, create a room, start a DM
 * POST /rooms                     create a room
 * POST /direct                    open a direct conversation by username
 * GET  /rooms/{id}[?before=seq]   the room: latest 50 messages (or those before seq)
 * GET  /rooms/{id}/messages?before=seq   an older page as a fragment (htmx)
 * POST /rooms/{id}/messages       post a message (scripts off)
 * POST /rooms/{id}/join           join a public room
 * </pre>
 */
@WebServlet(urlPatterns = {"/rooms", "/rooms/*", "/direct", ""})
public class RoomPages extends HttpServlet {

  @Inject RoomService rooms;
  @Inject MessageService messages;
  @Inject ReceiptStore receipts;
  @Inject ReceiptRecorder recorder;
  @Inject UserService users;
  @Inject RoomViews views;
  @Inject Views templates;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedIn me = Requests.signedIn(req);
    String[] path = path(req);
    try {
      if (path.length == 0) {
        if (!req.getServletPath().equals("/rooms")) {
          Requests.seeOther(resp, "/rooms");
          return;
        }
        Requests.html(resp, 200, lobby(me, null));
      } else if (path.length == 1) {
        Requests.html(resp, 200, roomPage(me, path[0], Requests.optionalLong(req, "before")));
      } else if (path.length == 2 && path[1].equals("messages")) {
        Requests.html(resp, 200, olderFragment(me, path[0], Requests.optionalLong(req, "before")));
      } else {
        throw DomainException.notFound("no such page");
      }
    } catch (DomainException e) {
      error(resp, me, e);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    req.setCharacterEncoding("UTF-8");
    SignedIn me = Requests.signedIn(req);
    String[] path = path(req);
    try {
      if (req.getServletPath().equals("/direct")) {
        var other = users.requireByUsername(req.getParameter("username"));
        Room room = rooms.openDirect(me.userId(), List.of(other.id()));
        Requests.seeOther(resp, "/rooms/" + room.id());
      } else if (path.length == 0) {
        Room room =
            rooms.create(me.userId(), req.getParameter("name"), roomType(req.getParameter("type")));
        Requests.seeOther(resp, "/rooms/" + room.id());
      } else if (path.length == 2 && path[1].equals("join")) {
        rooms.join(me.userId(), path[0]);
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (path.length == 2 && path[1].equals("moderation")) {
        rooms.moderate(
            me.userId(),
            path[0],
            users.requireByUsername(req.getParameter("username")).id(),
            choice(Moderation.class, req.getParameter("action")));
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (path.length == 2 && path[1].equals("mode")) {
        rooms.setMode(me.userId(), path[0], choice(RoomMode.class, req.getParameter("mode")));
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (path.length == 2 && path[1].equals("messages")) {
        String clientMsgId = req.getParameter("clientMsgId");
        messages.send(me.userId(), path[0], req.getParameter("body"), clientMsgId, Map.of());
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else {
        throw DomainException.notFound("no such page");
      }
    } catch (DomainException e) {
      error(resp, me, e);
    }
  }

  private String lobby(SignedIn me, String error) {
    Set<String> mine = new java.util.HashSet<>();
    var sidebar = views.sidebar(me.userId());
    sidebar.forEach(r -> mine.add(r.id()));
    Map<String, Object> model = base(me, sidebar);
    model.put(
        "publicRooms", rooms.publicRooms().stream().filter(r -> !mine.contains(r.id())).toList());
    model.put("error", error);
    return templates.page(Views.Page.ROOMS, model);
  }

  private String roomPage(SignedIn me, String roomId, Long before) {
    Room room = rooms.visible(me.userId(), roomId);
    MessagePage page =
        messages.history(
            me.userId(), roomId, new HistoryQuery(before, null, HistoryQuery.DEFAULT_LIMIT));
    List<MemberView> members = views.members(roomId);
    boolean member = members.stream().anyMatch(m -> m.userId().equals(me.userId()));
    if (member && before == null && page.newestSeq() > 0) {
      // Stored now so this page's sidebar shows the room read; announced so other tabs clear too.
      receipts.raise(me.userId(), roomId, new Watermark(page.newestSeq(), page.newestSeq()));
      recorder.read(me.userId(), roomId, page.newestSeq());
    }
    Map<String, Object> model = base(me, views.sidebar(me.userId()));
    model.put("room", views.view(room, me.userId(), 0, 0));
    List<Message> shown = page.messages();
    model.put(
        "receiptLine",
        before != null || shown.isEmpty()
            ? ""
            : views.receiptLine(room, shown.get(shown.size() - 1), me.userId()));
    model.put("member", member);
    var membership =
        members.stream().filter(m -> m.userId().equals(me.userId())).findFirst().orElse(null);
    boolean canModerate = rooms.canModerate(me.userId(), roomId);
    model.put("canModerate", canModerate && !room.type().isDirect());
    model.put("readOnly", room.mode() == RoomMode.READ_ONLY);
    model.put("muted", membership != null && membership.muted());
    model.put(
        "canPost",
        member
            && !(membership != null && membership.muted())
            && (room.mode() == RoomMode.OPEN || canModerate));
    model.put("members", members);
    model.put("messages", views.messages(page.messages(), me.userId()));
    model.put("hasOlder", page.hasOlder());
    model.put("oldestSeq", page.oldestSeq());
    model.put("newestSeq", page.newestSeq());
    model.put("paged", before != null);
    model.put("clientMsgId", Ids.newId());
    return templates.page(Views.Page.ROOM, model);
  }

  private String olderFragment(SignedIn me, String roomId, Long before) {
    if (before == null) {
      throw DomainException.invalid("before is required");
    }
    MessagePage page =
        messages.history(
            me.userId(), roomId, new HistoryQuery(before, null, HistoryQuery.DEFAULT_LIMIT));
    Map<String, Object> model = new HashMap<>();
    model.put("roomId", roomId);
    model.put("messages", views.messages(page.messages(), me.userId()));
    model.put("hasOlder", page.hasOlder());
    model.put("oldestSeq", page.oldestSeq());
    return templates.fragment(Views.Fragment.OLDER_MESSAGES, model);
  }

  private void error(HttpServletResponse resp, SignedIn me, DomainException e) throws IOException {
    Map<String, Object> model = base(me, me == null ? List.of() : views.sidebar(me.userId()));
    model.put("status", Requests.status(e));
    model.put("message", e.getMessage());
    Requests.html(resp, Requests.status(e), templates.page(Views.Page.ERROR, model));
  }

  private static Map<String, Object> base(SignedIn me, List<RoomView> sidebar) {
    Map<String, Object> model = new HashMap<>();
    model.put("me", me == null ? null : me.user());
    model.put("sidebar", sidebar);
    return model;
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, String.valueOf(value).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("unknown choice: " + value);
    }
  }

  private static RoomType roomType(String value) {
    return "private".equalsIgnoreCase(value) ? RoomType.PRIVATE : RoomType.PUBLIC;
  }

  private static String[] path(HttpServletRequest req) {
    String info = req.getPathInfo();
    if (info == null || info.equals("/")) {
      return new String[0];
    }
    return info.substring(1).split("/");
  }
}
