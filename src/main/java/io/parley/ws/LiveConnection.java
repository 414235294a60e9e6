package io.parley.ws;

import io.parley.messaging.Message;
import io.parley.security.SignedIn;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open tab. It watches one room at a time (after the client's resume frame) and delivers that
 * room's messages exactly once and in seq order: older or repeated seqs are dropped, and a gap is
 * filled from the store before the newer message goes out.
 */
final class LiveConnection {

  private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

  private final Session session;
  private final SignedIn signedIn;
  private final Set<String> rooms = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> lastRead = new ConcurrentHashMap<>();
  private String watchedRoom;
  private boolean watchingAsMember;
  private Set<String> watchedMembers = Set.of();
  private long lastSentSeq;

  LiveConnection(
      Session session, SignedIn signedIn, Set<String> memberOf, Map<String, Long> lastRead) {
    this.session = session;
    this.signedIn = signedIn;
    this.rooms.addAll(memberOf);
    this.lastRead.putAll(lastRead);
  }

  /** Unread messages in a room this tab does not watch, counted from its read watermark. */
  long unreadUpTo(String roomId, long seq) {
    return Math.max(0, seq - lastRead.getOrDefault(roomId, 0L));
  }

  String id() {
    return session.getId();
  }

  String userId() {
    return signedIn.userId();
  }

  String displayName() {
    return signedIn.user().displayName();
  }

  Set<String> rooms() {
    return rooms;
  }

  /** Whether the member list this tab shows includes the user. */
  synchronized boolean showsMember(String userId) {
    return watchedMembers.contains(userId);
  }

  /** Whether what this tab shows counts as read (only members keep read marks). */
  synchronized boolean watchesAsMember() {
    return watchingAsMember;
  }

  synchronized boolean watches(String roomId) {
    return roomId.equals(watchedRoom);
  }

  /**
   * Starts watching the room from {@code afterSeq}: replays what is newer from the store (through
   * {@code missed}, which returns the page after a seq), then takes live messages.
   */
  synchronized long watch(
      String roomId,
      long afterSeq,
      boolean member,
      Set<String> members,
      LongFunction<List<Message>> missed,
      Renderer renderer) {
    rooms.add(roomId);
    watchedRoom = roomId;
    watchingAsMember = member;
    watchedMembers = Set.copyOf(members);
    lastSentSeq = afterSeq;
    catchUp(Long.MAX_VALUE, missed, renderer);
    return lastSentSeq;
  }

  /** Delivers a live message of the watched room; returns true if it was sent now. */
  synchronized boolean deliver(Message m, LongFunction<List<Message>> missed, Renderer renderer) {
    if (!m.roomId().equals(watchedRoom) || m.seq() <= lastSentSeq) {
      return false;
    }
    if (m.seq() > lastSentSeq + 1) {
      catchUp(m.seq() - 1, missed, renderer);
    }
    send(renderer.render(m, this));
    lastSentSeq = m.seq();
    return true;
  }

  private void catchUp(long upTo, LongFunction<List<Message>> missed, Renderer renderer) {
    while (lastSentSeq < upTo) {
      List<Message> page = missed.apply(lastSentSeq);
      if (page.isEmpty()) {
        return;
      }
      for (Message m : page) {
        if (m.seq() > upTo) {
          return;
        }
        send(renderer.render(m, this));
        lastSentSeq = m.seq();
      }
    }
  }

  /** Sends one frame; frames to one connection never interleave. */
  synchronized void send(String html) {
    if (!session.isOpen()) {
      return;
    }
    try {
      session.getBasicRemote().sendText(html);
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "dropping a frame to a closing socket", e);
    }
  }

  /** Renders a message for this connection's viewer. */
  interface Renderer {
    String render(Message m, LiveConnection viewer);
  }
}
