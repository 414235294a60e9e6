package io.parley.render;

import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import io.parley.messaging.RoomEvent;
import io.parley.messaging.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTML pushed over the socket: out-of-band swaps aimed at stable element ids. */
@ApplicationScoped
public class LiveFragments {

  @Inject Views views;
  @Inject RoomViews rooms;

  /**
   * A new message or a change, for one viewer: a new message is appended (the same fragment as page
   * loads) to the room's timeline, and a reply to its thread's panel; a changed message replaces
   * itself wherever the page shows it, and the page learns the room's new change rev.
   */
  public String live(RoomEvent event, String viewerId) {
    if (event instanceof Message m) {
      MessageView view = rooms.messages(List.of(m), viewerId).get(0);
      Map<String, Object> model = new HashMap<>();
      model.put("roomId", m.roomId());
      model.put("timeline", m.inTimeline() ? view : null);
      model.put("reply", m.isReply() ? view.inThread() : null);
      return views.pushed(Views.Fragment.APPEND, model);
    }
    MessageChange c = (MessageChange) event;
    Message m = c.after();
    MessageView view = rooms.messages(List.of(m), viewerId).get(0);
    Map<String, Object> model = new HashMap<>();
    model.put("roomId", m.roomId());
    model.put("rev", c.rev());
    model.put("timeline", m.inTimeline() ? view : null);
    model.put("reply", m.isReply() || m.thread().replies() > 0 ? view.inThread() : null);
    return views.pushed(Views.Fragment.CHANGED, model);
  }

  private static final java.util.regex.Pattern MESSAGE_CLASS =
      java.util.regex.Pattern.compile("(<article\\b[^>]*?\\bclass=\"message)(?=[ \"])");

  /**
   * A new message or change rendered once for every viewer ({@link #live} for nobody in
   * particular); {@link #asSeenBy} then marks it for its author or a viewer it mentions, the only
   * differences, with a string edit instead of another render.
   */
  public String live(RoomEvent event) {
    return live(event, NOBODY);
  }

  /** A viewer id nobody has: neither the author nor mentioned. */
  public static final String NOBODY = "";

  /**
   * The neutral rendering marked as {@code mine} and/or {@code mentions-me}: the same HTML the
   * template gives for that viewer (those classes come first, in this order).
   */
  public static String asSeenBy(String neutral, boolean mine, boolean mentionsMe) {
    if (!mine && !mentionsMe) {
      return neutral;
    }
    String added = (mine ? " mine" : "") + (mentionsMe ? " mentions-me" : "");
    return MESSAGE_CLASS.matcher(neutral).replaceAll("$1" + added);
  }

  /** Marks a thread the viewer follows as having new replies, where the page shows its parent. */
  public String threadBadge(String roomId, long parentSeq) {
    return views.pushed(
        Views.Fragment.THREAD_BADGE, Map.of("roomId", roomId, "parentSeq", parentSeq));
  }

  /** Replaces the unread and mention badges of a room in the sidebar. */
  public String badge(String roomId, long unread, long mentions) {
    return views.pushed(
        Views.Fragment.BADGE, Map.of("roomId", roomId, "unread", unread, "mentions", mentions));
  }

  /** Replaces the "Seen by" / delivery line under a room's messages. */
  public String receipt(String roomId, String text) {
    return views.pushed(Views.Fragment.RECEIPT, Map.of("roomId", roomId, "text", text));
  }

  /** Replaces "Alice is typing…" under a room's messages. */
  public String typing(String roomId, String text) {
    return views.pushed(Views.Fragment.TYPING, Map.of("roomId", roomId, "text", text));
  }

  /** One person's presence dot, wherever the page shows them. */
  public String presence(String userId, String state, String lastSeen) {
    Map<String, Object> model = new HashMap<>();
    model.put("userId", userId);
    model.put("key", Dom.key(userId));
    model.put("state", state);
    model.put("lastSeen", lastSeen);
    return views.pushed(Views.Fragment.PRESENCE, model);
  }

  /** The viewer's whole room list, after they gained or lost a room. */
  public String sidebar(String userId) {
    return views.pushed(Views.Fragment.SIDEBAR, Map.of("rooms", rooms.sidebar(userId)));
  }

  /** A room's member list. */
  public String members(String roomId, List<MemberView> members) {
    return views.pushed(Views.Fragment.MEMBERS, Map.of("roomId", roomId, "members", members));
  }

  /** The viewer's standing line above the room's composer (muted until, slow mode). */
  public String standing(String roomId, String userId) {
    return views.pushed(Views.Fragment.STANDING, rooms.standing(roomId, userId));
  }

  /** The top bar's link to the reports queue with its open count (nothing for non-moderators). */
  public String reportsLink(boolean queue, int count) {
    return views.pushed(Views.Fragment.REPORTS_LINK, Map.of("queue", queue, "count", count));
  }

  /** The top bar's Threads link, with how many followed threads have unread replies. */
  public String threadsLink(int unread) {
    return views.pushed(Views.Fragment.THREADS_LINK, Map.of("count", unread));
  }

  /** The room's name and topic in an open room's header. */
  public String described(io.parley.rooms.Room room) {
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("roomId", room.id());
    model.put("name", room.name());
    model.put("topic", room.topic());
    return views.pushed(Views.Fragment.DESCRIBED, model);
  }

  /** A line added to the page's notices (e.g. what became of the viewer's report). */
  public String notice(String text) {
    return views.pushed(Views.Fragment.NOTICE, Map.of("text", text, "reload", false));
  }

  /** A notice with a link: a reminder that fired, a scheduled message that was not sent. */
  public String laterNotice(String heading, String text, String link) {
    return views.pushed(
        Views.Fragment.LATER_NOTICE, Map.of("heading", heading, "text", text, "link", link));
  }

  /** A notice after which the page reloads itself (what it shows no longer matches the room). */
  public String reloadNotice(String text) {
    return views.pushed(Views.Fragment.NOTICE, Map.of("text", text, "reload", true));
  }

  /** The acknowledgement of a stored message in the composer's status line. */
  public String sent(SendResult result) {
    return status("sent", "", result.message().clientMsgId(), result.message().seq());
  }

  /** A command's answer in the composer's status line, for its author only; nothing was stored. */
  public String notice(String text, String clientMsgId) {
    return status("notice", text, clientMsgId, null);
  }

  /** A refusal in the composer's status line; nothing was stored. */
  public String error(String text, String clientMsgId) {
    return status("error", text, clientMsgId, null);
  }

  private String status(String kind, String text, String clientMsgId, Long seq) {
    Map<String, Object> model = new HashMap<>();
    model.put("kind", kind);
    model.put("text", text);
    model.put("clientMsgId", clientMsgId);
    model.put("seq", seq);
    return views.pushed(Views.Fragment.STATUS, model);
  }
}
