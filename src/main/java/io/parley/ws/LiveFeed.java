package io.parley.ws;

import io.parley.common.Broadcast.Subscription;
import io.parley.messaging.Message;
import io.parley.messaging.MessageEvents;
import io.parley.messaging.MessageService;
import io.parley.messaging.MessageStore;
import io.parley.receipts.ReceiptRecorder;
import io.parley.render.LiveFragments;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers posted messages from the cluster topic to this node's sockets: the message itself to
 * tabs watching its room (rendered once per viewer kind), an unread badge to the other members.
 */
@ApplicationScoped
public class LiveFeed {

  private static final Logger LOG = Logger.getLogger(LiveFeed.class.getName());
  private static final int CATCH_UP_PAGE = 200;

  @Inject MessageEvents events;
  @Inject LiveConnections connections;
  @Inject LiveFragments fragments;
  @Inject MessageStore store;
  @Inject ReceiptRecorder receipts;
  @Inject MessageService messages;
  @Inject TypingFeed typing;
  @Inject RoomService rooms;
  @Inject DeliveryLanes lanes;

  private Subscription subscription = Subscription.NONE;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    // The topic's thread only hands the message over; delivery runs on the room's lane.
    subscription = events.subscribe(m -> lanes.execute(m.roomId(), () -> posted(m)));
  }

  @PreDestroy
  void stop() {
    subscription.close();
  }

  /** The tab starts watching a room it may see, from the last seq it already shows. */
  void watch(LiveConnection connection, String roomId, long afterSeq) {
    Room room = rooms.visible(connection.userId(), roomId);
    connections.index(connection, roomId);
    var members =
        rooms.members(roomId).stream()
            .map(m -> m.userId())
            .collect(java.util.stream.Collectors.toSet());
    boolean member = members.contains(connection.userId());
    long upTo =
        connection.watch(
            roomId,
            room.type() == RoomType.DIRECT,
            afterSeq,
            member,
            members,
            missed(roomId),
            renderer());
    if (upTo > 0 && member) {
      receipts.read(connection.userId(), roomId, upTo);
    }
  }

  void posted(Message message) {
    store.seen(message);
    typing.posted(message.roomId(), message.senderId());
    Map<Boolean, String> rendered = new ConcurrentHashMap<>(2);
    LiveConnection.Renderer once =
        (m, viewer) ->
            m.seq() == message.seq()
                ? rendered.computeIfAbsent(
                    m.senderId().equals(viewer.userId()),
                    mine -> fragments.append(m, viewer.userId()))
                : fragments.append(m, viewer.userId());
    for (LiveConnection connection : connections.inRoom(message.roomId())) {
      try {
        if (connection.watches(message.roomId())) {
          if (connection.deliver(message, missed(message.roomId()), once)
              && connection.watchesAsMember()) {
            receipts.read(connection.userId(), message.roomId(), message.seq());
          }
          // Nobody but the sender has seen the new latest message yet.
          String line = freshLine(message, connection);
          if (connection.receiptLineChanges(message.roomId(), line)) {
            connection.send(fragments.receipt(message.roomId(), line));
          }
        } else {
          receipts.delivered(connection.userId(), message.roomId(), message.seq());
          Badges.Badge badge = connection.arrived(message, messages::mentionsSince);
          connection.send(fragments.badge(message.roomId(), badge.unread(), badge.mentions()));
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not deliver message " + message.id() + " to a socket", e);
      }
    }
  }

  /** The receipt line of a message nobody has read yet: "Sent" to the sender of a direct one. */
  private static String freshLine(Message message, LiveConnection viewer) {
    return message.senderId().equals(viewer.userId()) && viewer.watchesOneToOne() ? "Sent" : "";
  }

  private LongFunction<List<Message>> missed(String roomId) {
    return after -> store.after(roomId, after, CATCH_UP_PAGE);
  }

  private LiveConnection.Renderer renderer() {
    return (m, viewer) -> fragments.append(m, viewer.userId());
  }
}
