package io.parley.render;

import io.parley.messaging.Message;
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

  /** Appends the message (the same fragment as page loads) to #messages-{roomId}. */
  public String append(Message message, String viewerId) {
    MessageView view = rooms.messages(List.of(message), viewerId).get(0);
    return views.fragment(Views.Fragment.APPEND, Map.of("view", view));
  }

  /** Replaces the unread and mention badges of a room in the sidebar. */
  public String badge(String roomId, long unread, long mentions) {
    return views.fragment(
        Views.Fragment.BADGE, Map.of("roomId", roomId, "unread", unread, "mentions", mentions));
  }

  /** Replaces the "Seen by" / delivery line under a room's messages. */
  public String receipt(String roomId, String text) {
    return views.fragment(Views.Fragment.RECEIPT, Map.of("roomId", roomId, "text", text));
  }

  /** Replaces "Alice is typing…" under a room's messages. */
  public String typing(String roomId, String text) {
    return views.fragment(Views.Fragment.TYPING, Map.of("roomId", roomId, "text", text));
  }

  /** One person's presence dot, wherever the page shows them. */
  public String presence(String userId, String state, String lastSeen) {
    Map<String, Object> model = new HashMap<>();
    model.put("userId", userId);
    model.put("key", Dom.key(userId));
    model.put("state", state);
    model.put("lastSeen", lastSeen);
    return views.fragment(Views.Fragment.PRESENCE, model);
  }

  /** The viewer's whole room list, after they gained or lost a room. */
  public String sidebar(String userId) {
    return views.fragment(Views.Fragment.SIDEBAR, Map.of("rooms", rooms.sidebar(userId)));
  }

  /** A room's member list. */
  public String members(String roomId, List<MemberView> members) {
    return views.fragment(Views.Fragment.MEMBERS, Map.of("roomId", roomId, "members", members));
  }

  /** The acknowledgement of a stored message in the composer's status line. */
  public String sent(SendResult result) {
    Map<String, Object> model = new HashMap<>();
    model.put("kind", "sent");
    model.put("text", "");
    model.put("clientMsgId", result.message().clientMsgId());
    model.put("seq", result.message().seq());
    return views.fragment(Views.Fragment.STATUS, model);
  }

  /** A refusal in the composer's status line; nothing was stored. */
  public String error(String text, String clientMsgId) {
    Map<String, Object> model = new HashMap<>();
    model.put("kind", "error");
    model.put("text", text);
    model.put("clientMsgId", clientMsgId);
    model.put("seq", null);
    return views.fragment(Views.Fragment.STATUS, model);
  }
}
