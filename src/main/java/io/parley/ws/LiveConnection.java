package io.parley.ws;

import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import io.parley.messaging.RoomEvent;
import io.parley.presence.PresenceState;
import io.parley.security.SignedIn;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open tab: its socket's outbound queue, its frame budget, the room it watches (one at a time,
 * after the client's resume frame, through a {@link RoomCursor}), its sidebar badges, and what its
 * page shows (members with live presence, the receipt line).
 */
final class LiveConnection {

  private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

  /** How far a socket may fall behind before it is closed to catch up later. */
  static final int MAX_BACKLOG_FRAMES = 2_000;

  static final long MAX_BACKLOG_CHARS = 4L * 1024 * 1024;

  private final Session session;
  private final OutboundQueue outbound;
  private final SignedIn signedIn;
  private final Set<String> rooms = ConcurrentHashMap.newKeySet();
  private final Set<String> peers = ConcurrentHashMap.newKeySet();
  private final FrameGuard guard = new FrameGuard();
  private final Badges badges; // guarded by this
  private final RoomCursor<Message> cursor = RoomCursor.messages(); // guarded by this
  private final RoomCursor<MessageChange> changes = RoomCursor.changes(); // guarded by this

  private boolean watchingAsMember;
  private boolean watchingOneToOne;
  private volatile Set<String> watchedMembers = Set.of();
  private PresenceState reportedPresence;
  private long presenceReportedAt;

  /**
   * @param memberOf the rooms whose unread badges this tab's sidebar shows
   * @param lastRead the user's read watermark per room when the tab connected
   * @param peers the people of the tab's direct-message list, whose presence it shows
   */
  LiveConnection(
      Session session,
      SignedIn signedIn,
      Set<String> memberOf,
      Map<String, Long> lastRead,
      Set<String> peers,
      Runnable onTooSlow,
      java.util.concurrent.Executor writers) {
    this.session = session;
    this.outbound =
        new OutboundQueue(
            new SessionSink(session, writers),
            MAX_BACKLOG_FRAMES,
            MAX_BACKLOG_CHARS,
            onTooSlow,
            Runnable::run);
    this.signedIn = signedIn;
    this.rooms.addAll(memberOf);
    this.badges = new Badges(signedIn.userId(), lastRead);
    this.peers.addAll(peers);
  }

  /** The user became a member of a room: its badges (and, for a DM, the peers' presence) follow. */
  void joined(String roomId, Set<String> newPeers) {
    rooms.add(roomId);
    newPeers.stream().filter(p -> !p.equals(userId())).forEach(peers::add);
  }

  private volatile java.util.concurrent.Future<?> expiry;

  /** The timer that closes this socket when its sign-in expires. */
  void expiresWith(java.util.concurrent.Future<?> timer) {
    this.expiry = timer;
  }

  void closed() {
    outbound.finish();
    if (expiry != null) {
      expiry.cancel(false);
    }
  }

  /** Closes the socket with a code the page acts on (expired, revoked). */
  void close(int code, String reason) {
    SessionExpiry.close(session, code, reason);
  }

  boolean frameAllowed() {
    return guard.allowed();
  }

  /** Notes a rate-limit refusal; true once they keep coming (many within a minute). */
  boolean persistentlyAbusive() {
    return guard.persistentlyAbusive();
  }

  /** A message arrived in a room this tab does not watch; returns the room's new badge. */
  synchronized Badges.Badge arrived(Message m, Badges.MentionCounter counter) {
    return badges.arrived(m, counter);
  }

  /**
   * The user read the room up to {@code seq}, here or in another tab; returns the room's new badge,
   * or null when that changes nothing.
   */
  synchronized Badges.Badge readUpTo(String roomId, long seq, Badges.MentionCounter counter) {
    return badges.readUpTo(roomId, seq, counter);
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

  /** The groups of the socket's own verified token (its role decisions use these). */
  /** Whether the socket's token may change things (a read-only access token may not). */
  boolean mayWrite() {
    return signedIn.mayWrite();
  }

  java.util.Set<String> groups() {
    return signedIn.user().groups();
  }

  /** The sign-in session of the token that opened this socket (null if the token named none). */
  String sessionId() {
    return signedIn.sessionId();
  }

  Set<String> rooms() {
    return rooms;
  }

  /** What the page shows under the watched room's messages; null until this tab set it. */
  private String shownReceiptLine;

  /**
   * Whether the receipt line under the watched room should change to {@code text}; false when the
   * tab already shows it, so a busy room does not resend the same line with every message.
   */
  synchronized boolean receiptLineChanges(String roomId, String text) {
    if (!cursor.watches(roomId) || text.equals(shownReceiptLine)) {
      return false;
    }
    shownReceiptLine = text;
    return true;
  }

  /** The user lost the room: nothing of it reaches this tab any more. */
  synchronized void left(String roomId) {
    rooms.remove(roomId);
    if (cursor.watches(roomId)) {
      cursor.stop();
      changes.stop();
      watchingAsMember = false;
      watchedMembers = Set.of();
    }
  }

  /** The watched room's member list changed (someone joined): presence follows the new list. */
  synchronized void membersChanged(String roomId, Set<String> members) {
    if (cursor.watches(roomId)) {
      watchedMembers = livePresenceOf(members);
      if (members.contains(userId())) {
        watchingAsMember = true;
      }
    }
  }

  /**
   * Rooms up to this size get live presence dots in their member list; bigger ones show presence as
   * of page load (a thousand people coming online would otherwise cost every one of their tabs a
   * thousand dots). Direct conversations always get them.
   */
  static final int LIVE_PRESENCE_MAX_MEMBERS = 100;

  private static Set<String> livePresenceOf(Set<String> members) {
    return members.size() <= LIVE_PRESENCE_MAX_MEMBERS ? Set.copyOf(members) : Set.of();
  }

  /**
   * Whether the member list this tab shows includes the user. Lock-free: every presence change asks
   * every tab on the node.
   */
  boolean showsMember(String userId) {
    return watchedMembers.contains(userId) || peers.contains(userId);
  }

  /** What a presence frame from the page asks of the cluster. */
  enum PresenceReport {
    /** nothing: the same state, refreshed recently enough */
    NONE,
    /** keep the tab's entry alive: the same state */
    REFRESH,
    /** tell the cluster: the state changed */
    CHANGE
  }

  /**
   * What a presence report must do: a changed state is told; the same state (a heartbeat, every 10
   * s from the page) only refreshes the tab's entry, once the last refresh is {@code refreshMillis}
   * old, which keeps the 40-second entry alive at half the writes.
   */
  synchronized PresenceReport presenceDue(PresenceState state, long nowMillis, long refreshMillis) {
    if (state == reportedPresence && nowMillis - presenceReportedAt < refreshMillis) {
      return PresenceReport.NONE;
    }
    PresenceReport due = state == reportedPresence ? PresenceReport.REFRESH : PresenceReport.CHANGE;
    reportedPresence = state;
    presenceReportedAt = nowMillis;
    return due;
  }

  /** Whether what this tab shows counts as read (only members keep read marks). */
  synchronized boolean watchesAsMember() {
    return watchingAsMember;
  }

  /** Whether the watched room is a one-to-one conversation (with sent/delivered/read). */
  synchronized boolean watchesOneToOne() {
    return watchingOneToOne;
  }

  synchronized boolean watches(String roomId) {
    return cursor.watches(roomId);
  }

  /** Where the store is asked for what a tab missed in a room. */
  interface Missed {
    /** The page of messages after a seq. */
    List<Message> messagesAfter(long seq);

    /** The page of changes after a rev, each with its message's current state. */
    List<MessageChange> changesAfter(long rev);
  }

  /**
   * Starts watching the room from {@code afterSeq} and {@code afterRev}: replays the newer messages
   * from the store, then the changes since (each changed message once, in its current state), then
   * takes live events. Returns the last seq sent.
   */
  synchronized long watch(
      String roomId,
      boolean oneToOne,
      long afterSeq,
      long afterRev,
      boolean member,
      Set<String> members,
      Missed missed,
      Renderer renderer) {
    rooms.add(roomId);
    watchingAsMember = member;
    watchingOneToOne = oneToOne;
    watchedMembers = livePresenceOf(members);
    shownReceiptLine = null;
    long upTo =
        cursor.watch(roomId, afterSeq, missed::messagesAfter, m -> send(renderer.render(m, this)));
    Map<Long, MessageChange> latestPerMessage = new java.util.LinkedHashMap<>();
    changes.watch(
        roomId,
        afterRev,
        missed::changesAfter,
        c -> {
          latestPerMessage.remove(c.seq());
          latestPerMessage.put(c.seq(), c);
        });
    latestPerMessage.values().forEach(c -> send(renderer.render(c, this)));
    return upTo;
  }

  /** Delivers a live message of the watched room; returns true if it was sent now. */
  synchronized boolean deliver(Message m, Missed missed, Renderer renderer) {
    return cursor.deliver(m, missed::messagesAfter, sent -> send(renderer.render(sent, this)));
  }

  /** Delivers a live change in the watched room; returns true if it was sent now. */
  synchronized boolean deliver(MessageChange c, Missed missed, Renderer renderer) {
    return changes.deliver(c, missed::changesAfter, sent -> send(renderer.render(sent, this)));
  }

  /**
   * Queues one frame for this socket without waiting for the network; frames go out in the order
   * queued. A socket too far behind is closed (1013) and catches up when the page reconnects.
   */
  void send(String html) {
    outbound.offer(html);
  }

  /** Frames waiting to be written to this socket. */
  int queued() {
    return outbound.depth();
  }

  /**
   * One session as the outbound queue's sink: each write runs on the shared writer pool with the
   * container's blocking writer, so only a writer thread ever waits on a socket. (The container's
   * asynchronous writer was tried first: behind nginx it refused writes started right after the
   * previous one completed, and sockets were closed for nothing.)
   */
  private record SessionSink(Session session, java.util.concurrent.Executor writers)
      implements OutboundQueue.Sink {
    @Override
    public void write(String frame, java.util.function.Consumer<Throwable> done) {
      writers.execute(
          () -> {
            try {
              session.getBasicRemote().sendText(frame);
              done.accept(null);
            } catch (java.io.IOException | RuntimeException e) {
              LOG.log(Level.FINE, "a frame to a closing socket", e);
              done.accept(e);
            }
          });
    }

    @Override
    public void close(int code, String reason) {
      SessionExpiry.close(session, code, reason);
    }
  }

  /** Renders a new message, or a change to one, for this connection's viewer. */
  interface Renderer {
    String render(RoomEvent event, LiveConnection viewer);
  }
}
