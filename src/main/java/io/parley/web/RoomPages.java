package io.parley.web;

import io.parley.common.DomainException;
import io.parley.messaging.HistoryQuery;
import io.parley.messaging.MessagePage;
import io.parley.messaging.MessageService;
import io.parley.messaging.ThreadSummary;
import io.parley.metrics.ChatMetrics;
import io.parley.receipts.ReceiptRecorder;
import io.parley.receipts.ReceiptStore;
import io.parley.receipts.Watermark;
import io.parley.render.MemberView;
import io.parley.render.Model;
import io.parley.render.PageModels;
import io.parley.render.RoomPageViews;
import io.parley.render.Views;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.util.List;

/**
 * The room pages, routed as declared below. Every form here also works without JavaScript (real
 * action and method); htmx and the WebSocket only enhance them. The forms are {@link RoomForms},
 * posted messages {@link FormMessages}, one message's actions {@link MessageActions}; the models
 * are built in {@link RoomPageViews}.
 */
@WebServlet(urlPatterns = {"/rooms", "/rooms/*", "/direct", ""})
// Parts go to disk past 1 MB, and each file is streamed from there into the store, which stops at
// the configured file limit; this outer bound only caps what the container accepts at all.
@MultipartConfig(
    fileSizeThreshold = 1024 * 1024,
    maxFileSize = 1024L * 1024 * 1024,
    maxRequestSize = 2048L * 1024 * 1024)
public class RoomPages extends RoutedPages {

  /** Rooms per directory page. */
  static final int DIRECTORY_PAGE = 25;

  @Inject RoomService rooms;
  @Inject MessageService messages;
  @Inject ChatMetrics metrics;
  @Inject ReceiptStore receipts;
  @Inject ReceiptRecorder recorder;
  @Inject RoomPageViews pages;
  @Inject MessageActions actions;
  @Inject RoomForms forms;
  @Inject HookPages hookPages;
  @Inject MentionHints mentionHints;
  @Inject EmojiHints emojiHints;
  @Inject io.parley.render.LiveFragments live;
  @Inject FormMessages posted;
  @Inject LaterActions laterActions;

  private final Routes routes =
      new Routes()
          .get("/", call -> Requests.seeOther(call.resp(), "/rooms"))
          .get("/direct", call -> Requests.seeOther(call.resp(), "/rooms"))
          .get("/rooms", call -> html(call, Views.Page.ROOMS, pages.lobby(call.me().user(), null)))
          .get("/rooms/directory", this::directory)
          .get("/rooms/{id}", this::room)
          .get("/rooms/{id}/threads/{seq}", this::thread)
          .get("/rooms/{id}/pins", this::pins)
          .get("/rooms/{id}/messages", this::older)
          .get("/rooms/{id}/standing", this::standing)
          .get("/rooms/{id}/messages/{seq}", call -> actions.get(call, ""))
          .get(
              "/rooms/{id}/messages/{seq}/{action}", call -> actions.get(call, call.path("action")))
          .post("/rooms", call -> forms.create(call))
          .post("/direct", call -> forms.direct(call))
          .post("/rooms/{id}/join", call -> forms.join(call))
          .post("/rooms/{id}/members", call -> forms.addPerson(call))
          .post("/rooms/{id}/settings", call -> forms.settings(call))
          .post("/rooms/{id}/notify", call -> forms.notifyLevel(call))
          .post("/rooms/{id}/leave", call -> forms.leave(call))
          .post("/rooms/{id}/moderation", call -> forms.moderate(call))
          .post("/rooms/{id}/archive", call -> forms.archive(call))
          .post("/rooms/{id}/delete", call -> forms.delete(call))
          .post("/rooms/{id}/slow-mode", call -> forms.slowMode(call))
          .post("/rooms/{id}/mode", call -> forms.mode(call))
          .post("/rooms/{id}/pinning", call -> forms.pinning(call))
          .post("/rooms/{id}/messages", this::post)
          .post("/rooms/{id}/threads/{seq}", this::reply)
          .post("/rooms/{id}/later", call -> laterActions.sendLater(call))
          .post("/rooms/{id}/draft", call -> laterActions.saveDraft(call))
          .post("/rooms/{id}/messages/{seq}/{action}", call -> actions.post(call))
          .get("/rooms/{id}/hooks", call -> hookPages.list(call))
          .get("/rooms/{id}/mentions", call -> mentionHints.hints(call))
          .get("/rooms/{id}/emoji", call -> emojiHints.hints(call))
          .post("/rooms/{id}/hooks", call -> hookPages.create(call))
          .post("/rooms/{id}/hooks/{hook}/rotate", call -> hookPages.rotate(call))
          .post("/rooms/{id}/hooks/{hook}/delete", call -> hookPages.delete(call))
          .post("/rooms/{id}/hooks/outgoing", call -> hookPages.createOutgoing(call))
          .post("/rooms/{id}/hooks/outgoing/{hook}/delete", call -> hookPages.deleteOutgoing(call));

  @Override
  protected Routes routes() {
    return routes;
  }

  /** The room directory: public rooms by name, searched by prefix, paged, with member counts. */
  private void directory(Routes.Call call) throws IOException {
    String q = call.req().getParameter("q") == null ? "" : call.req().getParameter("q").strip();
    Long pageParam = Requests.optionalLong(call.req(), "page");
    int page = pageParam == null ? 1 : (int) Math.max(1, Math.min(pageParam, 1_000));
    rooms.access().refuseGuest(call.me().userId(), "browse the room directory");
    var found = rooms.listings().directory(q, page, DIRECTORY_PAGE);
    html(call, Views.Page.DIRECTORY, pages.directory(call.me().user(), q, page, found));
  }

  /** The room: its latest messages, or those before {@code ?before=seq}. */
  private void room(Routes.Call call) throws IOException {
    html(call, Views.Page.ROOM, roomPage(call, Requests.optionalLong(call.req(), "before"), null));
  }

  /** A thread in the side panel: a fragment for htmx, or the room page with it. */
  private void thread(Routes.Call call) throws IOException {
    SignedIn me = call.me();
    String roomId = call.path("id");
    long parentSeq = MessageActions.seq(call.path("seq"));
    MessageService.MessageThread thread = messages.thread(me.userId(), roomId, parentSeq);
    long last = thread.parent().thread().lastReplySeq();
    if (last > 0) {
      // Opening the thread reads it: its "new replies" badge stays off on the next page load.
      receipts.raise(
          me.userId(), ThreadSummary.readKey(roomId, parentSeq), new Watermark(last, last));
    }
    var panel = pages.thread(me.user(), roomId, thread);
    panel(call, Views.Fragment.THREAD, panel);
  }

  private void pins(Routes.Call call) throws IOException {
    String roomId = call.path("id");
    var pinned = messages.pinned(call.me().userId(), roomId);
    panel(call, Views.Fragment.PINS, pages.pins(call.me().user(), roomId, pinned));
  }

  /** An older page as a fragment (htmx). */
  private void older(Routes.Call call) throws IOException {
    Long before = Requests.optionalLong(call.req(), "before");
    if (before == null) {
      throw DomainException.invalid("before is required");
    }
    String roomId = call.path("id");
    MessagePage page =
        messages.history(
            call.me().userId(), roomId, new HistoryQuery(before, null, HistoryQuery.DEFAULT_LIMIT));
    fragment(call, Views.Fragment.OLDER_MESSAGES, pages.older(call.me().user(), roomId, page));
  }

  private void standing(Routes.Call call) throws IOException {
    String roomId = call.path("id");
    rooms.access().visible(call.me().userId(), roomId);
    fragment(call, Views.Fragment.STANDING, views.standing(roomId, call.me().userId()));
  }

  private void post(Routes.Call call) throws IOException, ServletException {
    String roomId = call.path("id");
    String notice = posted.post(call.me(), roomId, 0, call.req());
    if (notice == null) {
      MessageActions.done(call.req(), call.resp(), "/rooms/" + roomId);
    } else if (Requests.isHtmx(call.req())) {
      Requests.html(call.resp(), 200, live.notice(notice, null));
    } else {
      var done = new PageModels.ErrorPage(views.frame(call.me().user()), 200, "Done", notice, null);
      Requests.html(call.resp(), 200, templates.page(Views.Page.ERROR, done));
    }
  }

  private void reply(Routes.Call call) throws IOException, ServletException {
    String roomId = call.path("id");
    long parent = MessageActions.seq(call.path("seq"));
    posted.post(call.me(), roomId, parent, call.req());
    MessageActions.done(call.req(), call.resp(), "/rooms/" + roomId + "/threads/" + parent);
  }

  /** A side panel: the fragment for htmx, or the whole room page with it (scripts off). */
  private void panel(Routes.Call call, Views.Fragment fragment, Model panel) throws IOException {
    if (Requests.isHtmx(call.req())) {
      fragment(call, fragment, panel);
    } else {
      html(call, Views.Page.ROOM, roomPage(call, null, panel));
    }
  }

  /**
   * The room page; {@code panel} fills the side panel (a thread or the pinned messages) for
   * browsers without scripts, and {@code ?at=seq} marks the message a search result opens at.
   */
  private PageModels.RoomPage roomPage(Routes.Call call, Long before, Model panel) {
    SignedIn me = call.me();
    String roomId = call.path("id");
    Room room = rooms.access().visible(me.userId(), roomId);
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
    return pages.room(
        me.user(),
        room,
        rev,
        page,
        members,
        before != null,
        views.frame(me.user()),
        panel,
        Requests.optionalLong(call.req(), "at"));
  }

  private void html(Routes.Call call, Views.Page kind, Model page) throws IOException {
    Requests.html(call.resp(), 200, templates.page(kind, page));
  }

  private void fragment(Routes.Call call, Views.Fragment fragment, Model model) throws IOException {
    Requests.html(call.resp(), 200, templates.fragment(fragment, model));
  }
}
