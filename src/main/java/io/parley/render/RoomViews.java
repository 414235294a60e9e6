package io.parley.render;

import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.presence.PresenceDirectory;
import io.parley.receipts.ReceiptLine;
import io.parley.receipts.ReceiptRecorder;
import io.parley.receipts.ReceiptStore;
import io.parley.receipts.Watermark;
import io.parley.rooms.Membership;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.users.Theme;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the view models of rooms and messages that pages and live pushes share. */
@ApplicationScoped
public class RoomViews {

  @Inject RoomService rooms;
  @Inject MessageService messages;
  @Inject ReceiptStore receipts;
  @Inject ReceiptRecorder recorder;
  @Inject UserService users;
  @Inject PresenceDirectory presence;
  @Inject io.parley.users.ThemeStore themes;

  /** The room's members with their presence, online first, then by name. */
  public List<MemberView> members(String roomId) {
    List<Membership> members = rooms.memberLists().members(roomId);
    Map<String, User> byId = users.byIds(members.stream().map(Membership::userId).toList());
    return members.stream()
        .map(
            m ->
                member(
                    m.userId(),
                    byId.get(m.userId()),
                    m.role() == io.parley.rooms.RoomRole.MEMBER
                            && users.shownAsGuest(byId.get(m.userId()))
                        ? "guest"
                        : m.role().name().toLowerCase(),
                    m.muted()))
        .sorted(
            java.util.Comparator.comparing((MemberView v) -> !v.state().equals("online"))
                .thenComparing(v -> v.name().toLowerCase()))
        .toList();
  }

  /** People as the directory and profile cards show them: presence, avatar, status, username. */
  public List<PersonView> people(List<User> found) {
    return found.stream()
        .map(u -> new PersonView(member(u.id(), u, "", false), u.username()))
        .toList();
  }

  private MemberView member(String userId, User u, String role, boolean muted) {
    String name = u == null ? userId : u.displayName();
    return new MemberView(
        userId,
        name,
        role,
        presence.stateOf(userId).name().toLowerCase(),
        presence.lastSeen(userId).map(Object::toString).orElse(null),
        AvatarView.of(u, name),
        u == null ? "" : u.status(),
        muted);
  }

  private static final java.time.format.DateTimeFormatter UNTIL =
      java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'")
          .withZone(java.time.ZoneOffset.UTC);

  /** The model of the viewer's standing line above the composer (fragments/composer). */
  public PageModels.StandingLine standing(String roomId, String userId) {
    io.parley.rooms.Standing standing = rooms.access().standing(userId, roomId);
    return new PageModels.StandingLine(
        roomId, standing, standing.mutedUntil() == null ? "" : UNTIL.format(standing.mutedUntil()));
  }

  /** What a signed-in page shows around its content: the person and their rooms. */
  public PageModels.Frame frame(User me) {
    if (me == null) {
      return PageModels.Frame.SIGNED_OUT;
    }
    return new PageModels.Frame(
        me, sidebar(me.id()), themes.find(me.id()).map(Theme::attribute).orElse(null));
  }

  /**
   * The user's rooms with unread and mention counts, for the sidebar. Showing a count means the
   * messages reached one of the user's devices, so it also raises their delivered mark.
   */
  public List<RoomView> sidebar(String userId) {
    Map<String, Long> lastRead = receipts.lastRead(userId);
    Map<String, io.parley.rooms.Notify> levels = rooms.memberships().notifyLevels(userId);
    return rooms.listings().roomsOf(userId).stream()
        .map(
            r -> {
              long read = lastRead.getOrDefault(r.id(), 0L);
              long last = messages.lastSeq(r.id());
              if (last > read) {
                recorder.delivered(userId, r.id(), last);
              }
              long mentions = last > read ? messages.mentionsSince(userId, r.id(), read) : 0;
              return view(r, userId, last - read, mentions)
                  .withNotify(
                      levels
                          .getOrDefault(r.id(), io.parley.rooms.Notify.DEFAULT)
                          .name()
                          .toLowerCase());
            })
        .toList();
  }

  public RoomView view(Room room, String viewerId, long unread, long mentions) {
    String title = room.name();
    MemberView peer = null;
    if (room.type().isDirect()) {
      Set<String> others =
          rooms.memberLists().members(room.id()).stream()
              .map(Membership::userId)
              .filter(id -> !id.equals(viewerId))
              .collect(Collectors.toSet());
      Map<String, User> byId = users.byIds(others);
      title =
          byId.values().stream().map(User::displayName).sorted().collect(Collectors.joining(", "));
      if (title.isEmpty()) {
        title = "(just you)";
      }
      if (room.type() == RoomType.DIRECT && others.size() == 1) {
        String other = others.iterator().next();
        peer = member(other, byId.get(other), "member", false);
      }
    }
    return new RoomView(
        room.id(),
        title,
        room.type().name(),
        Math.max(0, unread),
        Math.max(0, mentions),
        room.type().isDirect(),
        peer,
        "default");
  }

  private final EmojiCatalogue emoji = EmojiCatalogue.get();
  private final Markdown markdown = new Markdown(emoji);

  public List<MessageView> messages(Collection<Message> page, String viewerId) {
    Set<String> people = new HashSet<>();
    page.forEach(
        m -> {
          people.add(m.senderId());
          people.addAll(m.mentions());
          m.reactions().values().forEach(people::addAll);
          if (m.pinnedBy() != null) {
            people.add(m.pinnedBy());
          }
        });
    Map<String, User> byId = users.byIds(people);
    return page.stream().map(m -> MessageView.of(m, byId, viewerId, html(m, byId), emoji)).toList();
  }

  /** Display names by id (unknown ids are left out). */
  public Map<String, String> names(Collection<String> userIds) {
    Map<String, String> names = new HashMap<>();
    users.byIds(userIds).forEach((id, u) -> names.put(id, u.displayName()));
    return names;
  }

  /** The room's timeline part of a page: room messages, and replies also sent to the room. */
  public List<MessageView> timeline(Collection<Message> page, String viewerId) {
    return messages(page.stream().filter(Message::inTimeline).toList(), viewerId);
  }

  /** The stored formatting; messages from before formatting existed are formatted here. */
  private String html(Message m, Map<String, User> byId) {
    if (m.html() != null || m.deleted() || m.body().isEmpty()) {
      return m.html();
    }
    Set<String> handles = new HashSet<>();
    m.mentions().stream()
        .map(byId::get)
        .filter(u -> u != null)
        .forEach(u -> handles.add(u.username().toLowerCase(java.util.Locale.ROOT)));
    return markdown.html(m.body(), handles);
  }

  /**
   * The line under the room's latest message for this viewer: "Seen by …", or in a one-to-one
   * conversation the sender's "Sent" / "Delivered" / "Read".
   */
  public String receiptLine(Room room, Message latest, String viewerId) {
    return receiptLines(room, latest, List.of(viewerId)).get(viewerId);
  }

  /** The receipt line for each viewer, reading the room's marks and names once. */
  public Map<String, String> receiptLines(Room room, Message latest, Collection<String> viewerIds) {
    Map<String, String> lines = new HashMap<>();
    if (latest == null) {
      viewerIds.forEach(v -> lines.put(v, ""));
      return lines;
    }
    Map<String, Watermark> marks = receipts.inRoom(room.id());
    if (room.type() == RoomType.DIRECT) {
      viewerIds.forEach(
          v -> lines.put(v, ReceiptLine.direct(latest.seq(), latest.senderId(), v, marks)));
      return lines;
    }
    // Only those who read the latest message can be named.
    List<String> readers =
        marks.entrySet().stream()
            .filter(e -> e.getValue().read() >= latest.seq())
            .map(Map.Entry::getKey)
            .toList();
    Map<String, String> names = new HashMap<>();
    users.byIds(readers).forEach((id, u) -> names.put(id, u.displayName()));
    int others =
        (int)
            rooms.memberLists().members(room.id()).stream()
                .filter(m -> !m.userId().equals(latest.senderId()))
                .count();
    viewerIds.forEach(
        v ->
            lines.put(
                v, ReceiptLine.seenBy(latest.seq(), latest.senderId(), v, marks, names, others)));
    return lines;
  }
}
