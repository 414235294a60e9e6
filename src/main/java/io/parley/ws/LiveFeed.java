package io.parley.ws;

import io.parley.messaging.ChangeLog;
import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import io.parley.messaging.MessageEvents;
import io.parley.messaging.MessageHistory;
import io.parley.messaging.MessageService;
import io.parley.messaging.RoomEvent;
import io.parley.receipts.ReceiptRecorder;
import io.parley.render.LiveFragments;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers posted messages from the cluster topic to this node's sockets: the message itself to
 * tabs watching its room (rendered once per viewer kind), an unread badge to the other members.
 */
@ApplicationScoped
public class LiveFeed extends Feed {

  private static final Logger LOG = Logger.getLogger(LiveFeed.class.getName());
  private static final int CATCH_UP_PAGE = 200;

  @Inject MessageEvents events;
  @Inject LiveConnections connections;
  @Inject LiveFragments fragments;
  @Inject MessageHistory store;
  @Inject ChangeLog changes;
  @Inject ReceiptRecorder receipts;
  @Inject MessageService messages;
  @Inject TypingFeed typing;
  @Inject RoomService rooms;
  @Inject io.parley.metrics.ChatMetrics chat;

  @Override
  protected void follow() {
    on(events::subscribe, RoomEvent::roomId, this::arrived); // in order per room
  }

  private void arrived(RoomEvent event) {
    if (event instanceof Message m) {
      posted(m);
    } else if (event instanceof MessageChange c) {
      changed(c);
    }
  }

  /**
   * The tab starts watching a room it may see, from the last seq and change rev it already shows (a
   * client that does not say its rev starts from the room's newest).
   */
  void watch(
      LiveConnection connection, String roomId, long afterSeq, String afterAt, Long afterRev) {
    Room room = rooms.access().visible(connection.userId(), roomId);
    if (!messages.stillHas(roomId, afterSeq, afterAt)) {
      LOG.severe(
          () ->
              "Room "
                  + roomId
                  + " no longer has the message a page resumed after (seq "
                  + afterSeq
                  + ", created "
                  + afterAt
                  + "; the room's last seq is "
                  + messages.lastSeq(roomId)
                  + "): its history went back, as after a restore from a backup."
                  + " The page was told to reload.");
      chat.historyRewound();
      connection.send(
          fragments.reloadNotice(
              "This room's history on the server is older than this page (it was restored from"
                  + " a backup): reloading…"));
      return;
    }
    connections.index(connection, roomId);
    var members =
        rooms.memberLists().members(roomId).stream()
            .map(m -> m.userId())
            .collect(java.util.stream.Collectors.toSet());
    boolean member = members.contains(connection.userId());
    long upTo =
        connection.watch(
            roomId,
            room.type() == RoomType.DIRECT,
            afterSeq,
            afterRev != null ? afterRev : messages.lastRev(roomId),
            member,
            members,
            missed(roomId),
            renderer());
    if (upTo > 0 && member) {
      receipts.read(connection.userId(), roomId, upTo);
    }
  }

  void posted(Message message) {
    chat.delivering(message.roomId(), message.seq(), () -> deliver(message));
  }

  private void deliver(Message message) {
    store.seen(message);
    typing.posted(message.roomId(), message.senderId());
    LiveConnection.Renderer once = renderedOnce(message);
    // A receipt line is the same for most watchers: rendered once per distinct line.
    Map<String, String> receiptHtml = new HashMap<>(4);
    int handed = 0;
    for (LiveConnection connection : connections.inRoom(message.roomId())) {
      try {
        if (connection.watches(message.roomId())) {
          handed++;
          if (connection.deliver(message, missed(message.roomId()), once)
              && connection.watchesAsMember()) {
            receipts.read(connection.userId(), message.roomId(), message.seq());
          }
          // Nobody but the sender has seen the new latest message yet.
          String line = freshLine(message, connection);
          if (connection.receiptLineChanges(message.roomId(), line)) {
            connection.send(
                receiptHtml.computeIfAbsent(line, l -> fragments.receipt(message.roomId(), l)));
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
    chat.delivered(message.createdAt(), handed);
  }

  /** A change to a message: tabs watching the room replace it where they show it. */
  void changed(MessageChange change) {
    store.seen(change);
    changes.seen(change);
    LiveConnection.Renderer once = renderedOnce(change);
    Set<String> threadFollowers =
        change.kind() == MessageChange.Kind.REPLIED ? followers(change) : Set.of();
    for (LiveConnection connection : connections.inRoom(change.roomId())) {
      try {
        if (connection.watches(change.roomId())) {
          connection.deliver(change, missed(change.roomId()), once);
        }
        // After the parent is shown with its new summary, whose badge would otherwise be reset.
        if (threadFollowers.contains(connection.userId())) {
          connection.send(fragments.threadBadge(change.roomId(), change.seq()));
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not deliver a change in " + change.roomId(), e);
      }
    }
  }

  /**
   * Renders the event once for everyone and marks it for its author or a viewer it mentions (the
   * only differences); anything else (a gap filled from the store) is rendered per viewer.
   */
  private LiveConnection.Renderer renderedOnce(RoomEvent event) {
    Map<String, String> marked = new ConcurrentHashMap<>(3);
    java.util.function.Supplier<String> neutral = memoized(() -> fragments.live(event));
    return (e, viewer) -> {
      if (e != event) {
        return fragments.live(e, viewer.userId());
      }
      Message m = e instanceof MessageChange c ? c.after() : (Message) e;
      boolean mine = m.senderId().equals(viewer.userId());
      boolean mentioned = m.mentions(viewer.userId());
      return marked.computeIfAbsent(
          mine + "/" + mentioned, kind -> LiveFragments.asSeenBy(neutral.get(), mine, mentioned));
    };
  }

  /** Computes once, on first use, for every thread that asks. */
  private static <T> java.util.function.Supplier<T> memoized(
      java.util.function.Supplier<T> compute) {
    return new java.util.function.Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            v = value;
            if (v == null) {
              v = compute.get();
              value = v;
            }
          }
        }
        return v;
      }
    };
  }

  /**
   * Who is told of a new reply: the thread's participants and those the reply mentions, not its
   * author.
   */
  private Set<String> followers(MessageChange replied) {
    Message parent = replied.after();
    Set<String> people = new HashSet<>(parent.thread().participants());
    people.add(parent.senderId());
    store
        .find(parent.roomId(), parent.thread().lastReplySeq())
        .ifPresent(reply -> people.addAll(reply.mentions()));
    people.remove(replied.actorId());
    return people;
  }

  /** The receipt line of a message nobody has read yet: "Sent" to the sender of a direct one. */
  private static String freshLine(Message message, LiveConnection viewer) {
    return message.senderId().equals(viewer.userId()) && viewer.watchesOneToOne() ? "Sent" : "";
  }

  private LiveConnection.Missed missed(String roomId) {
    return new LiveConnection.Missed() {
      @Override
      public List<Message> messagesAfter(long seq) {
        return store.after(roomId, seq, CATCH_UP_PAGE);
      }

      @Override
      public List<MessageChange> changesAfter(long rev) {
        return messages.changesAfter(roomId, rev);
      }
    };
  }

  private LiveConnection.Renderer renderer() {
    return (e, viewer) -> fragments.live(e, viewer.userId());
  }
}
