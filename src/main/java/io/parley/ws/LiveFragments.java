package io.parley.ws;

import io.parley.messaging.Message;
import io.parley.messaging.SendResult;
import io.parley.web.MessageView;
import io.parley.web.RoomViews;
import io.parley.web.Views;
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
  String append(Message message, String viewerId) {
    MessageView view = rooms.messages(List.of(message), viewerId).get(0);
    return views.fragment("fragments/live", "append", Map.of("view", view));
  }

  /** Replaces the unread and mention badges of a room in the sidebar. */
  String badge(String roomId, LiveConnection.Badge badge) {
    return views.fragment(
        "fragments/live",
        "badge",
        Map.of("roomId", roomId, "unread", badge.unread(), "mentions", badge.mentions()));
  }

  /** Replaces the "Seen by" / delivery line under a room's messages. */
  String receipt(String roomId, String text) {
    return views.fragment("fragments/live", "receipt", Map.of("roomId", roomId, "text", text));
  }

  /** The acknowledgement of a stored message in the composer's status line. */
  String sent(SendResult result) {
    Map<String, Object> model = new HashMap<>();
    model.put("kind", "sent");
    model.put("text", "");
    model.put("clientMsgId", result.message().clientMsgId());
    model.put("seq", result.message().seq());
    return views.fragment("fragments/live", "status", model);
  }

  /** A refusal in the composer's status line; nothing was stored. */
  String error(String text, String clientMsgId) {
    Map<String, Object> model = new HashMap<>();
    model.put("kind", "error");
    model.put("text", text);
    model.put("clientMsgId", clientMsgId);
    model.put("seq", null);
    return views.fragment("fragments/live", "status", model);
  }
}
