package io.parley.web;

import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.files.FileService;
import io.parley.files.FileTooLargeException;
import io.parley.messaging.Attachment;
import io.parley.messaging.HistoryQuery;
import io.parley.messaging.Message;
import io.parley.messaging.MessagePage;
import io.parley.messaging.MessageService;
import io.parley.messaging.NewMessage;
import io.parley.messaging.SendResult;
import io.parley.messaging.ThreadSummary;
import io.parley.metrics.ChatMetrics;
import io.parley.receipts.ReceiptRecorder;
import io.parley.receipts.ReceiptStore;
import io.parley.receipts.Watermark;
import io.parley.render.MemberView;
import io.parley.render.MessageView;
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
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
 * GET  /rooms/directory?q=&page=  public rooms by name prefix, 25 a page, with member counts
 * GET  /rooms/{id}[?before=seq]   the room: latest 50 messages (or those before seq)
 * GET  /rooms/{id}/messages?before=seq   an older page as a fragment (htmx)
 * POST /rooms/{id}/messages       post a message (scripts off)
 * POST /rooms/{id}/join           join a public room
 * POST /rooms/{id}/members        add someone (username; the room's owner and moderators)
 * POST /rooms/{id}/settings       rename, topic (owner, moderators, admins)
 * POST /rooms/{id}/notify         level: default, all, mentions, nothing (the member's own)
 * POST /rooms/{id}/leave          leave it (not a one-to-one conversation)
 * GET  /rooms/{id}/threads/{seq}  a thread in the side panel (fragment, or the room page with it)
 * POST /rooms/{id}/threads/{seq}  reply: body, clientMsgId, alsoInRoom
 * GET  /rooms/{id}/pins           the pinned messages (fragment, or the room page with them)
 * POST /rooms/{id}/pinning        moderatorsOnly=true|false (moderators)
 * /rooms/{id}/messages/{seq}/...  one message's actions: see {@link MessageActions}
 * </pre>
 */
@WebServlet(urlPatterns = {"/rooms", "/rooms/*", "/direct", ""})
// Parts go to disk past 1 MB, and each file is streamed from there into the store, which stops at
// the configured file limit; this outer bound only caps what the container accepts at all.
@MultipartConfig(
    fileSizeThreshold = 1024 * 1024,
    maxFileSize = 1024L * 1024 * 1024,
    maxRequestSize = 2048L * 1024 * 1024)
public class RoomPages extends HttpServlet {

  @Inject RoomService rooms;
  @Inject MessageService messages;
  @Inject ChatMetrics metrics;
  @Inject ReceiptStore receipts;
  @Inject ReceiptRecorder recorder;
  @Inject UserService users;
  @Inject RoomViews views;
  @Inject Views templates;
  @Inject MessageActions actions;
  @Inject FileService files;

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
      } else if (path.length == 1 && path[0].equals("directory")) {
        Requests.html(resp, 200, directory(me, req));
      } else if (path.length == 1) {
        Requests.html(
            resp,
            200,
            roomPage(me, path[0], Requests.optionalLong(req, "before"), jumpTo(req, null)));
      } else if (path.length == 3 && path[1].equals("threads")) {
        Map<String, Object> thread = thread(me, path[0], MessageActions.seq(path[2]));
        Requests.html(
            resp,
            200,
            Requests.isHtmx(req)
                ? templates.fragment(Views.Fragment.THREAD, thread)
                : roomPage(me, path[0], null, jumpTo(req, thread)));
      } else if (path.length == 2 && path[1].equals("pins")) {
        Map<String, Object> pins = new HashMap<>();
        pins.put("roomId", path[0]);
        pins.put(
            "pinned",
            views.messages(messages.pinned(me.userId(), path[0]), me.userId()).stream()
                .map(v -> v.shownIn("pinned"))
                .toList());
        Requests.html(
            resp,
            200,
            Requests.isHtmx(req)
                ? templates.fragment(Views.Fragment.PINS, pins)
                : roomPage(me, path[0], null, pins));
      } else if (MessageActions.handles(path)) {
        actions.get(me, path, req, resp);
      } else if (path.length == 2 && path[1].equals("messages")) {
        Requests.html(resp, 200, olderFragment(me, path[0], Requests.optionalLong(req, "before")));
      } else if (path.length == 2 && path[1].equals("standing")) {
        rooms.visible(me.userId(), path[0]);
        Requests.html(
            resp,
            200,
            templates.fragment(Views.Fragment.STANDING, views.standing(path[0], me.userId())));
      } else {
        throw DomainException.notFound("no such page");
      }
    } catch (DomainException e) {
      error(resp, me, e);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    req.setCharacterEncoding("UTF-8");
    SignedIn me = Requests.signedIn(req);
    String[] path = path(req);
    try {
      if (req.getServletPath().equals("/direct")) {
        // One username, or several (commas or spaces) for a group conversation.
        List<String> others = new ArrayList<>();
        for (String name : String.valueOf(req.getParameter("username")).split("[,\\s]+")) {
          if (!name.isBlank()) {
            others.add(users.requireByUsername(name.strip().replaceFirst("^@", "")).id());
          }
        }
        Room room = rooms.openDirect(me.userId(), others);
        Requests.seeOther(resp, "/rooms/" + room.id());
      } else if (path.length == 0) {
        Room room =
            rooms.create(me.userId(), req.getParameter("name"), roomType(req.getParameter("type")));
        Requests.seeOther(resp, "/rooms/" + room.id());
      } else if (path.length == 2 && path[1].equals("join")) {
        rooms.join(me.userId(), path[0]);
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (path.length == 2 && path[1].equals("members")) {
        String added =
            users.requireByUsername(String.valueOf(req.getParameter("username")).strip()).id();
        Room room = rooms.visible(me.userId(), path[0]);
        if (room.type().isDirect()) {
          // A conversation's people are fixed: adding someone starts one with everyone.
          List<String> people = new ArrayList<>();
          rooms.members(path[0]).forEach(m -> people.add(m.userId()));
          people.add(added);
          people.remove(me.userId());
          rooms.requireMember(me.userId(), path[0]);
          Requests.seeOther(resp, "/rooms/" + rooms.openDirect(me.userId(), people).id());
        } else {
          rooms.addMember(me.userId(), path[0], added);
          Requests.seeOther(resp, "/rooms/" + path[0]);
        }
      } else if (path.length == 2 && path[1].equals("settings")) {
        String name = req.getParameter("name");
        Room now = rooms.visible(me.userId(), path[0]);
        if (name != null && !name.strip().equals(now.name())) {
          rooms.rename(me.userId(), path[0], name);
        }
        String topic = req.getParameter("topic");
        if (topic != null && !topic.strip().equals(now.topic() == null ? "" : now.topic())) {
          rooms.setTopic(me.userId(), path[0], topic);
        }
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (path.length == 2 && path[1].equals("notify")) {
        rooms.setNotify(me.userId(), path[0], io.parley.rooms.Notify.of(req.getParameter("level")));
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (path.length == 2 && path[1].equals("leave")) {
        rooms.leave(me.userId(), path[0]);
        Requests.seeOther(resp, "/rooms");
      } else if (path.length == 2 && path[1].equals("moderation")) {
        rooms.moderate(
            me.userId(),
            path[0],
            users.requireByUsername(req.getParameter("username")).id(),
            choice(Moderation.class, req.getParameter("action")),
            length(req.getParameter("customMinutes"), req.getParameter("minutes")),
            req.getParameter("reason"));
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (path.length == 2 && path[1].equals("archive")) {
        rooms.archive(me.userId(), path[0], !"false".equals(req.getParameter("archived")));
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (path.length == 2 && path[1].equals("delete")) {
        rooms.delete(me.userId(), path[0], req.getParameter("confirm"));
        Requests.seeOther(resp, "/rooms");
      } else if (path.length == 2 && path[1].equals("slow-mode")) {
        rooms.setSlowMode(me.userId(), path[0], seconds(req.getParameter("seconds")));
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (path.length == 2 && path[1].equals("mode")) {
        rooms.setMode(me.userId(), path[0], choice(RoomMode.class, req.getParameter("mode")));
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (path.length == 2 && path[1].equals("messages")) {
        post(me, path[0], 0, req);
        MessageActions.done(req, resp, "/rooms/" + path[0]);
      } else if (path.length == 3 && path[1].equals("threads")) {
        long parent = MessageActions.seq(path[2]);
        post(me, path[0], parent, req);
        MessageActions.done(req, resp, "/rooms/" + path[0] + "/threads/" + parent);
      } else if (path.length == 2 && path[1].equals("pinning")) {
        rooms.setModeratorsPin(
            me.userId(), path[0], "true".equals(req.getParameter("moderatorsOnly")));
        Requests.seeOther(resp, "/rooms/" + path[0]);
      } else if (MessageActions.handles(path)) {
        actions.post(me, path, req, resp);
      } else {
        throw DomainException.notFound("no such page");
      }
    } catch (DomainException e) {
      error(resp, me, e);
    }
  }

  /** How long a mute or ban lasts: the custom minutes if given, else the chosen ones, else ever. */
  private static java.time.Duration length(String custom, String chosen) {
    String minutes = custom != null && !custom.isBlank() ? custom : chosen;
    if (minutes == null || minutes.isBlank()) {
      return null;
    }
    return RoomService.moderationMinutes(minutes);
  }

  private static int seconds(String value) {
    try {
      return Integer.parseInt(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid("slow mode must be a whole number of seconds");
    }
  }

  /** Rooms per directory page. */
  static final int DIRECTORY_PAGE = 25;

  /** The room directory: public rooms by name, searched by prefix, paged, with member counts. */
  private String directory(SignedIn me, HttpServletRequest req) {
    String q = req.getParameter("q") == null ? "" : req.getParameter("q").strip();
    Long pageParam = Requests.optionalLong(req, "page");
    int page = pageParam == null ? 1 : (int) Math.max(1, Math.min(pageParam, 1_000));
    io.parley.rooms.RoomListings.DirectoryPage found = rooms.directory(q, page, DIRECTORY_PAGE);
    var sidebar = views.sidebar(me.userId());
    Set<String> mine = new java.util.HashSet<>();
    sidebar.forEach(r -> mine.add(r.id()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Room r : found.rooms()) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", r.id());
      row.put("name", r.name());
      row.put("members", rooms.memberCount(r.id()));
      row.put("joined", mine.contains(r.id()));
      rows.add(row);
    }
    Map<String, Object> model = base(me, sidebar);
    String query = java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    model.put("q", q);
    model.put("rooms", rows);
    model.put("page", page);
    model.put("prevHref", page > 1 ? "/rooms/directory?q=" + query + "&page=" + (page - 1) : null);
    model.put(
        "nextHref", found.hasMore() ? "/rooms/directory?q=" + query + "&page=" + (page + 1) : null);
    return templates.page(Views.Page.DIRECTORY, model);
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

  /**
   * Posts the form's message (a reply when {@code parentSeq} > 0) with the files it carries; files
   * stored for a post that is refused, or that was posted already, are removed again.
   */
  private void post(SignedIn me, String roomId, long parentSeq, HttpServletRequest req)
      throws IOException, ServletException {
    List<Attachment> attached = uploads(me, roomId, req);
    try {
      SendResult result =
          metrics.posting(
              ChatMetrics.Via.FORM,
              roomId,
              () ->
                  messages.post(
                      me.userId(),
                      NewMessage.withFiles(
                              roomId,
                              me.userId(),
                              req.getParameter("body"),
                              MessageActions.changeId(req, "clientMsgId"),
                              Map.of(),
                              attached)
                          .replyingTo(parentSeq, "true".equals(req.getParameter("alsoInRoom")))));
      if (result.duplicate()) {
        files.discard(attached);
      }
      if (parentSeq > 0) {
        long seq = result.message().seq(); // your own reply is nothing new to you
        receipts.raise(
            me.userId(), ThreadSummary.readKey(roomId, parentSeq), new Watermark(seq, seq));
      }
    } catch (RuntimeException e) {
      files.discard(attached);
      throw e;
    }
  }

  /** The files of a multipart form, each streamed into the file store. */
  private List<Attachment> uploads(SignedIn me, String roomId, HttpServletRequest req)
      throws IOException, ServletException {
    if (!String.valueOf(req.getContentType()).startsWith("multipart/")) {
      return List.of();
    }
    List<Attachment> attached = new ArrayList<>();
    try {
      for (Part part : req.getParts()) {
        String name = part.getSubmittedFileName();
        if (!"files".equals(part.getName()) || name == null || name.isBlank()) {
          continue;
        }
        if (attached.size() >= NewMessage.MAX_FILES) {
          throw DomainException.invalid(
              "a message carries at most " + NewMessage.MAX_FILES + " files");
        }
        if (part.getSize() > files.maxBytes()) {
          throw new FileTooLargeException(files.maxBytes());
        }
        try (InputStream in = part.getInputStream()) {
          attached.add(
              files.upload(me.userId(), roomId, name, part.getContentType(), in).attachment());
        }
      }
    } catch (RuntimeException e) {
      files.discard(attached);
      throw e;
    }
    return attached;
  }

  /**
   * The timeline, with "new replies" on the threads the viewer takes part in that have replies
   * since they last opened them.
   */
  private List<MessageView> withThreadBadges(List<Message> page, String viewerId) {
    List<MessageView> shown = views.timeline(page, viewerId);
    boolean following =
        page.stream().anyMatch(m -> m.thread().replies() > 0 && m.thread().follows(viewerId));
    if (!following) {
      return shown;
    }
    Map<String, Long> read = receipts.lastRead(viewerId);
    Map<Long, Message> bySeq = new HashMap<>();
    page.forEach(m -> bySeq.put(m.seq(), m));
    return shown.stream()
        .map(
            v -> {
              Message m = bySeq.get(v.seq());
              boolean unread =
                  m.thread().follows(viewerId)
                      && m.thread().lastReplySeq()
                          > read.getOrDefault(ThreadSummary.readKey(m.roomId(), m.seq()), 0L)
                      && !m.thread().replySeqs().isEmpty()
                      && !lastReplyIsMine(m, page, viewerId);
              return unread ? v.withUnreadThread() : v;
            })
        .toList();
  }

  /** Whether the thread's last reply is the viewer's own (then nothing in it is new to them). */
  private static boolean lastReplyIsMine(Message parent, List<Message> page, String viewerId) {
    long last = parent.thread().lastReplySeq();
    return page.stream().anyMatch(m -> m.seq() == last && m.senderId().equals(viewerId));
  }

  /** The model of a thread panel: its first message, the replies, and the reply form. */
  private Map<String, Object> thread(SignedIn me, String roomId, long parentSeq) {
    MessageService.MessageThread thread = messages.thread(me.userId(), roomId, parentSeq);
    long last = thread.parent().thread().lastReplySeq();
    if (last > 0) {
      // Opening the thread reads it: its "new replies" badge stays off on the next page load.
      receipts.raise(
          me.userId(), ThreadSummary.readKey(roomId, parentSeq), new Watermark(last, last));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("roomId", roomId);
    model.put("parent", views.messages(List.of(thread.parent()), me.userId()).get(0).inThread());
    model.put(
        "replies",
        views.messages(thread.replies(), me.userId()).stream().map(v -> v.inThread()).toList());
    model.put("canPost", rooms.canPost(me.userId(), roomId) && !thread.parent().deleted());
    model.put("clientMsgId", Ids.newId());
    model.put("thread", true);
    return model;
  }

  /**
   * The room page; {@code panel} fills the side panel (a thread or the pinned messages) for
   * browsers without scripts.
   */
  private String roomPage(SignedIn me, String roomId, Long before, Map<String, Object> panel) {
    Room room = rooms.visible(me.userId(), roomId);
    // The page shows the room as of this change rev (read first: a change made while the page
    // renders is replayed by the socket, harmlessly, rather than missed).
    long rev = messages.lastRev(roomId);
    MessagePage page =
        metrics.history(
            () ->
                messages.history(
                    me.userId(),
                    roomId,
                    new HistoryQuery(before, null, HistoryQuery.DEFAULT_LIMIT)));
    List<MemberView> members = views.members(roomId);
    boolean member = members.stream().anyMatch(m -> m.userId().equals(me.userId()));
    if (member && before == null && page.newestSeq() > 0) {
      // Stored now so this page's sidebar shows the room read; announced so other tabs clear too.
      receipts.raise(me.userId(), roomId, new Watermark(page.newestSeq(), page.newestSeq()));
      recorder.read(me.userId(), roomId, page.newestSeq());
    }
    Map<String, Object> model = base(me, views.sidebar(me.userId()));
    model.put("room", views.view(room, me.userId(), 0, 0));
    model.put("topic", room.topic());
    model.put("roomName", room.name());
    List<Message> shown = page.messages();
    model.put(
        "receiptLine",
        before != null || shown.isEmpty()
            ? ""
            : views.receiptLine(room, shown.get(shown.size() - 1), me.userId()));
    model.put("member", member);
    model.put(
        "notify",
        member
            ? rooms
                .notifyLevels(me.userId())
                .getOrDefault(roomId, io.parley.rooms.Notify.DEFAULT)
                .name()
                .toLowerCase()
            : "default");
    boolean canModerate = rooms.canModerate(me.userId(), roomId);
    model.put("canModerate", canModerate && !room.type().isDirect());
    model.put(
        "canManage",
        !room.type().isDirect()
            && (me.userId().equals(room.createdBy()) || users.isAdministrator(me.userId())));
    model.put("archived", room.archived());
    model.put("isAdmin", users.isAdministrator(me.userId()));
    model.put("readOnly", room.mode() == RoomMode.READ_ONLY);
    Map<String, Object> standing = views.standing(roomId, me.userId());
    model.putAll(standing);
    model.put("canPost", ((io.parley.rooms.Standing) standing.get("standing")).canPost());
    model.put("members", members);
    model.put("messages", withThreadBadges(page.messages(), me.userId()));
    model.put("hasOlder", page.hasOlder());
    model.put("oldestSeq", page.oldestSeq());
    model.put("newestSeq", page.newestSeq());
    model.put("paged", before != null);
    model.put("rev", rev);
    model.put("moderatorsPin", room.moderatorsPin());
    model.put("thread", null);
    model.put("pinned", null);
    model.put("jumpTo", null);
    if (panel != null) {
      model.putAll(panel);
    }
    model.put("clientMsgId", Ids.newId());
    return templates.page(Views.Page.ROOM, model);
  }

  /** The panel's model with the message a search result opens at ({@code ?at=seq}), if any. */
  private static Map<String, Object> jumpTo(HttpServletRequest req, Map<String, Object> panel) {
    Long at = Requests.optionalLong(req, "at");
    if (at == null) {
      return panel;
    }
    Map<String, Object> model = panel == null ? new HashMap<>() : new HashMap<>(panel);
    model.put("jumpTo", at);
    return model;
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
    model.put("messages", views.timeline(page.messages(), me.userId()));
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
