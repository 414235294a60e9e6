package io.parley.render;

import io.parley.common.Ids;
import io.parley.messaging.Message;
import io.parley.messaging.MessagePage;
import io.parley.messaging.MessageService;
import io.parley.messaging.ThreadSummary;
import io.parley.receipts.ReceiptStore;
import io.parley.rooms.Notify;
import io.parley.rooms.Room;
import io.parley.rooms.RoomListings;
import io.parley.rooms.RoomMode;
import io.parley.rooms.RoomService;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The models of the room pages: the lobby, the directory, a room, its thread and pins panels. */
@ApplicationScoped
public class RoomPageViews {

  @Inject RoomService rooms;
  @Inject io.parley.integrations.SlashCommands commands;
  @Inject MessageService messages;
  @Inject io.parley.later.Drafts drafts;
  @Inject ReceiptStore receipts;
  @Inject UserService users;
  @Inject RoomViews views;

  /** My rooms (the sidebar), and the public rooms I have not joined. */
  public PageModels.LobbyPage lobby(User me, String error) {
    PageModels.Frame frame = views.frame(me);
    Set<String> mine = new HashSet<>();
    frame.sidebar().forEach(r -> mine.add(r.id()));
    return new PageModels.LobbyPage(
        frame,
        rooms.listings().publicRoomsFor(me.id()).stream()
            .filter(r -> !mine.contains(r.id()))
            .toList(),
        error);
  }

  /** A page of public rooms by name prefix, with member counts and whether I joined each. */
  public PageModels.DirectoryPage directory(
      User me, String q, int page, RoomListings.DirectoryPage found) {
    PageModels.Frame frame = views.frame(me);
    Set<String> mine = new HashSet<>();
    frame.sidebar().forEach(r -> mine.add(r.id()));
    List<PageModels.DirectoryRow> rows =
        found.rooms().stream()
            .map(
                r ->
                    new PageModels.DirectoryRow(
                        r.id(),
                        r.name(),
                        rooms.listings().memberCount(r.id()),
                        mine.contains(r.id())))
            .toList();
    String query = URLEncoder.encode(q, StandardCharsets.UTF_8);
    return new PageModels.DirectoryPage(
        frame,
        q,
        rows,
        page,
        page > 1 ? "/rooms/directory?q=" + query + "&page=" + (page - 1) : null,
        found.hasMore() ? "/rooms/directory?q=" + query + "&page=" + (page + 1) : null);
  }

  /**
   * A room as of change {@code rev}, showing {@code page} of its history ({@code paged}: an older
   * one), with {@code panel} in the side panel and the message {@code jumpTo} marked.
   */
  public PageModels.RoomPage room(
      User me,
      Room room,
      long rev,
      MessagePage page,
      List<MemberView> members,
      boolean paged,
      PageModels.Frame frame,
      Model panel,
      Long jumpTo) {
    String roomId = room.id();
    boolean member = members.stream().anyMatch(m -> m.userId().equals(me.id()));
    List<Message> shown = page.messages();
    PageModels.StandingLine standing = views.standing(roomId, me.id());
    return new PageModels.RoomPage(
        frame,
        views.view(room, me.id(), 0, 0),
        room.topic(),
        room.name(),
        paged || shown.isEmpty()
            ? ""
            : views.receiptLine(room, shown.get(shown.size() - 1), me.id()),
        member,
        member
            ? rooms
                .memberships()
                .notifyLevels(me.id())
                .getOrDefault(roomId, Notify.DEFAULT)
                .name()
                .toLowerCase(Locale.ROOT)
            : "default",
        rooms.access().canModerate(me.id(), roomId) && !room.type().isDirect(),
        !room.type().isDirect()
            && (me.id().equals(room.createdBy()) || users.isAdministrator(me.id())),
        room.archived(),
        users.isAdministrator(me.id()),
        room.mode() == RoomMode.READ_ONLY,
        standing,
        standing.standing().canPost(),
        members,
        withThreadBadges(shown, me.id()),
        page.hasOlder(),
        page.oldestSeq(),
        page.newestSeq(),
        paged,
        rev,
        room.moderatorsPin(),
        jumpTo,
        panel,
        Ids.newId(),
        commands.available(),
        member ? drafts.of(me.id(), roomId, 0) : "");
  }

  /** A thread panel: its first message, the replies, and the reply form. */
  public PageModels.ThreadPanel thread(
      User me, String roomId, MessageService.MessageThread thread) {
    return new PageModels.ThreadPanel(
        roomId,
        views.messages(List.of(thread.parent()), me.id()).get(0).inThread(),
        views.messages(thread.replies(), me.id()).stream().map(MessageView::inThread).toList(),
        rooms.access().canPost(me.id(), roomId) && !thread.parent().deleted(),
        Ids.newId(),
        true,
        rooms.access().canPost(me.id(), roomId)
            ? drafts.of(me.id(), roomId, thread.parent().seq())
            : "");
  }

  /** The pinned messages panel. */
  public PageModels.PinsPanel pins(User me, String roomId, List<Message> pinned) {
    return new PageModels.PinsPanel(
        roomId, views.messages(pinned, me.id()).stream().map(v -> v.shownIn("pinned")).toList());
  }

  /** An older page of the timeline (htmx swaps it in above the first message). */
  public PageModels.OlderMessages older(User me, String roomId, MessagePage page) {
    return new PageModels.OlderMessages(
        roomId, views.timeline(page.messages(), me.id()), page.hasOlder(), page.oldestSeq());
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
}
