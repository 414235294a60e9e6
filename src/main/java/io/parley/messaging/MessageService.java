package io.parley.messaging;

import io.parley.common.DomainException;
import io.parley.rooms.RoomService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** What users do with messages: post them and read a room's history. Authorises every call. */
public class MessageService {

  private final RoomService rooms;
  private final MessageSequencer sequencer;
  private final MessageHistory history;
  private final ChangeLog changes;
  private final EditHistory edits;
  private final PinnedMessages pins;
  private final SendLimit limit;
  private final BodyFormat format;
  private final UnaryOperator<String> emoji;
  private final Duration editWindow;
  private final MentionFinder mentions;
  private final MessageRemovals removals;

  /** Changes a room's catch-up reads at most per call. */
  public static final int CHANGES_PAGE = 500;

  MessageService(MessageServiceBuilder b) {
    this.rooms = b.rooms;
    this.sequencer = b.sequencer;
    this.history = b.store.history();
    this.changes = b.store.changes();
    this.edits = b.store.edits();
    this.pins = b.store.pins();
    this.limit = b.limit;
    this.format = b.format;
    this.emoji = b.emoji;
    this.editWindow = b.editWindow;
    this.mentions =
        new MentionFinder(b.rooms, b.usernames, b.roomWide, b.onlineAmong, b.groupMembers);
    this.removals =
        new MessageRemovals(
            b.rooms,
            b.sequencer,
            b.store,
            new MessageRemovals.Effects(
                b.audit, b.clock, b.holds, b.held, b.reported, b.discardFiles));
  }

  /** A service over these parts, with the defaults below until the builder says otherwise. */
  public static MessageServiceBuilder builder(
      RoomService rooms, MessageSequencer sequencer, MessageStores store, Usernames usernames) {
    return new MessageServiceBuilder(rooms, sequencer, store, usernames);
  }

  /** Posts as {@code userId}; acknowledged only once stored. */
  public SendResult send(
      String userId, String roomId, String body, String clientMsgId, Map<String, String> metadata) {
    return post(
        userId, new NewMessage(roomId, userId, body, NewMessage.PLAIN_TEXT, clientMsgId, metadata));
  }

  /**
   * Posts a message as {@code draft.senderId()}: a room message, a reply ({@code threadOf}) or one
   * carrying stored files. Acknowledged only once stored.
   */
  public SendResult post(String userId, NewMessage draft) {
    if (!draft.senderId().equals(userId)) {
      throw DomainException.forbidden("you can only post as yourself");
    }
    io.parley.rooms.Poster poster = rooms.access().requirePosting(userId, draft.roomId());
    long wait = limit.secondsToWait(userId, draft.roomId());
    if (wait > 0) {
      throw DomainException.rateLimited("You are sending messages", wait);
    }
    rooms.settings().requireSlowModeTurn(poster, draft.clientMsgId());
    MentionFinder.Mentioned mentioned = mentions.in(draft.roomId(), userId, draft.body());
    SendResult sent =
        sequencer.append(
            draft.mentioning(mentioned.userIds()).formatted(format(draft.body(), mentioned)));
    if (!sent.duplicate()) {
      posted.forEach(listener -> listener.accept(sent.message()));
    }
    return sent;
  }

  private final List<Consumer<Message>> posted = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Adds a listener told of each message stored through this node (once, not of a retried
   * duplicate), after it is stored: outgoing webhooks, email for the away. A listener only hands
   * the message on; it must not block.
   */
  public void onPosted(Consumer<Message> listener) {
    posted.add(listener);
  }

  /** Replaces the text of the user's own message; everyone sees it edited. */
  public ChangeResult edit(
      String userId, String roomId, long seq, String body, String clientChangeId) {
    rooms.access().requirePoster(userId, roomId);
    String text = NewMessage.requireBody(body);
    MentionFinder.Mentioned mentioned = mentions.in(roomId, userId, text);
    return sequencer.change(
        new ChangeRequest(
            roomId,
            seq,
            userId,
            clientChangeId,
            MessageChange.Kind.EDITED,
            text,
            format(text, mentioned),
            mentioned.userIds(),
            null,
            editWindow,
            false));
  }

  /**
   * Deletes the user's own message: its text and files are gone, a tombstone keeps its place (under
   * a legal hold they are kept for exports).
   */
  public ChangeResult delete(String userId, String roomId, long seq, String clientChangeId) {
    return removals.delete(userId, roomId, seq, clientChangeId);
  }

  /**
   * A moderator removes someone's message: everyone sees "removed by a moderator"; its text and
   * earlier versions are gone from the store, kept in the audit record of the act (and, under a
   * legal hold, for exports). The record is written before the removal: no removal without one.
   */
  public ChangeResult remove(
      String moderatorId, String roomId, long seq, String reason, String clientChangeId) {
    return removals.remove(moderatorId, roomId, seq, reason, clientChangeId);
  }

  /** Adds the user's reaction with {@code emoji}, or takes it back. */
  public ChangeResult react(
      String userId, String roomId, long seq, String emoji, String clientChangeId) {
    rooms.access().requireReactor(userId, roomId);
    String reaction = emoji == null ? null : this.emoji.apply(emoji.strip());
    if (reaction == null) {
      throw DomainException.invalid("react with one emoji from the picker");
    }
    return sequencer.change(
        request(userId, roomId, seq, clientChangeId, MessageChange.Kind.REACTED, reaction));
  }

  /** Pins or unpins a message (members who may post, or moderators if the room says so). */
  public ChangeResult pin(
      String userId, String roomId, long seq, boolean pinned, String clientChangeId) {
    rooms.access().requirePinner(userId, roomId);
    MessageChange.Kind kind = pinned ? MessageChange.Kind.PINNED : MessageChange.Kind.UNPINNED;
    return sequencer.change(request(userId, roomId, seq, clientChangeId, kind, null));
  }

  /** The room's pinned messages, the most recently pinned first, if the user may see the room. */
  public List<Message> pinned(String userId, String roomId) {
    rooms.access().visible(userId, roomId);
    List<Long> seqs = pins.pinned(roomId);
    Map<Long, Message> bySeq = new java.util.HashMap<>();
    history.bySeqs(roomId, seqs).forEach(m -> bySeq.put(m.seq(), m));
    return seqs.stream().map(bySeq::get).filter(m -> m != null && m.pinned()).toList();
  }

  /** A message and its replies in order, if the user may see the room. */
  public MessageThread thread(String userId, String roomId, long parentSeq) {
    rooms.access().visible(userId, roomId);
    Message parent =
        history
            .find(roomId, parentSeq)
            .filter(m -> !m.isReply())
            .orElseThrow(() -> DomainException.notFound("no such message"));
    return new MessageThread(parent, history.bySeqs(roomId, parent.thread().replySeqs()));
  }

  /** A message's earlier versions, oldest first: for the room's moderators only. */
  public List<MessageEdit> editHistory(String userId, String roomId, long seq) {
    rooms.access().visible(userId, roomId);
    if (!rooms.access().canModerate(userId, roomId)) {
      throw DomainException.forbidden("only the room's moderators see earlier versions");
    }
    return edits.edits(roomId, seq);
  }

  /** A thread: its first message and the replies. */
  public record MessageThread(Message parent, List<Message> replies) {}

  /** The message with this seq, if the user may see the room. */
  public Message message(String userId, String roomId, long seq) {
    rooms.access().visible(userId, roomId);
    return history.find(roomId, seq).orElseThrow(() -> DomainException.notFound("no such message"));
  }

  /**
   * The changes made in the room after {@code afterRev}, each with its message's current state,
   * oldest first, up to a page ({@link #CHANGES_PAGE}); for pages that catch up.
   */
  public List<MessageChange> changesAfter(String roomId, long afterRev) {
    List<MessageChange> changes = this.changes.changesAfter(roomId, afterRev, CHANGES_PAGE);
    if (changes.isEmpty()) {
      return changes;
    }
    Map<Long, Message> current = new java.util.HashMap<>();
    history
        .bySeqs(roomId, changes.stream().map(MessageChange::seq).distinct().toList())
        .forEach(m -> current.put(m.seq(), m));
    return changes.stream()
        .filter(c -> current.containsKey(c.seq()))
        .map(c -> c.showing(current.get(c.seq())))
        .toList();
  }

  /** The room's newest change rev (0 when none): a page shows the room as of this rev. */
  public long lastRev(String roomId) {
    return changes.lastRev(roomId);
  }

  private ChangeRequest request(
      String userId,
      String roomId,
      long seq,
      String clientChangeId,
      MessageChange.Kind kind,
      String emoji) {
    return new ChangeRequest(
        roomId, seq, userId, clientChangeId, kind, null, null, null, emoji, editWindow, false);
  }

  private String format(String body, MentionFinder.Mentioned mentioned) {
    if (body.isEmpty()) {
      return null;
    }
    return format.html(body, mentioned.handles());
  }

  /** How many messages above {@code afterSeq} in the room mention the user. */
  public long mentionsSince(String userId, String roomId, long afterSeq) {
    return history.countMentions(roomId, userId, afterSeq);
  }

  /** A page of the room's history, if the user may see the room. */
  public MessagePage history(String userId, String roomId, HistoryQuery query) {
    rooms.access().visible(userId, roomId);
    if (query.after() != null) {
      List<Message> page = history.after(roomId, query.after(), query.limit());
      boolean hasOlder = !page.isEmpty() && page.get(0).seq() > 1;
      return new MessagePage(page, hasOlder || query.after() > 0);
    }
    long before = query.before() != null ? query.before() : Long.MAX_VALUE;
    List<Message> page = history.before(roomId, before, query.limit());
    return new MessagePage(page, !page.isEmpty() && page.get(0).seq() > 1);
  }

  /**
   * Whether the room still holds the message a page shows last: seq {@code seq}, created at {@code
   * createdAt} (ISO instant) when the page says. False when the room's history went back behind it,
   * as after a restore from a backup: its seqs may then be given to new messages, and a page
   * resuming past them would silently never get those. A message retention took away is not that.
   */
  public boolean stillHas(String roomId, long seq, String createdAt) {
    if (seq <= 0) {
      return true;
    }
    if (seq > history.lastSeq(roomId)) {
      return false;
    }
    return createdAt == null
        || history
            .find(roomId, seq)
            .map(m -> m.createdAt().toString().equals(createdAt))
            .orElse(true);
  }

  /** The highest seq of the room (0 when empty), for unread counts. */
  public long lastSeq(String roomId) {
    return history.lastSeq(roomId);
  }
}
