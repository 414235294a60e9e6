package io.parley.messaging;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.rooms.Membership;
import io.parley.rooms.RoomService;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** What users do with messages: post them and read a room's history. Authorises every call. */
public class MessageService {

  private final RoomService rooms;
  private final MessageSequencer sequencer;
  private final MessageStore store;
  private final Usernames usernames;
  private final SendLimit limit;
  private BodyFormat format = BodyFormat.NONE;
  private UnaryOperator<String> emoji = e -> e;
  private Duration editWindow = Duration.ZERO;
  private java.util.function.Consumer<List<Attachment>> discardFiles = files -> {};
  private AuditLog audit = AuditLog.NONE;
  private java.time.Clock clock = java.time.Clock.systemUTC();
  private RoomWideMentions roomWide = RoomWideMentions.MODERATORS;
  private java.util.function.UnaryOperator<Set<String>> onlineAmong = ids -> Set.of();
  private Holds holds = Holds.NONE;
  private HeldMessages held = HeldMessages.NONE;
  private java.util.function.BiPredicate<String, Long> reported = (roomId, seq) -> false;

  /** Whether a legal hold covers a message: its room's, or its author's. */
  @FunctionalInterface
  public interface Holds {
    Holds NONE = (roomId, senderId) -> false;

    boolean covers(String roomId, String senderId);
  }

  /**
   * Who may write {@code @room} (every member is mentioned) and {@code @here} (every member online
   * at that moment): nobody, the room's moderators (its owner, its moderators and global
   * moderators), or everyone who may post. From anyone else the words stay plain text.
   */
  public enum RoomWideMentions {
    NOBODY,
    MODERATORS,
    EVERYONE;

    /** The setting's value (nobody, moderators, everyone), any case. */
    public static RoomWideMentions parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "@room and @here may be used by nobody, moderators or everyone, not '" + value + "'",
            e);
      }
    }
  }

  /** Formats a body once, when it is posted or edited; the result is stored with the message. */
  @FunctionalInterface
  public interface BodyFormat {
    BodyFormat NONE = (body, mentioned) -> null;

    /**
     * @param mentioned the handles (lower-cased usernames) the body mentions, to highlight
     */
    String html(String body, Set<String> mentioned);
  }

  /** Changes a room's catch-up reads at most per call. */
  public static final int CHANGES_PAGE = 500;

  /**
   * Decides whether the user may post in the room now; returns the seconds to wait, or 0. Shared by
   * every way in (socket, API, plain form) and, in a cluster, by every node.
   */
  @FunctionalInterface
  public interface SendLimit {
    SendLimit NONE = (userId, roomId) -> 0;

    long secondsToWait(String userId, String roomId);
  }

  /** Looks up the usernames of user ids (absent ids are skipped), to resolve mentions. */
  @FunctionalInterface
  public interface Usernames {
    Map<String, String> of(Collection<String> userIds);
  }

  public MessageService(
      RoomService rooms, MessageSequencer sequencer, MessageStore store, Usernames usernames) {
    this(rooms, sequencer, store, usernames, SendLimit.NONE);
  }

  public MessageService(
      RoomService rooms,
      MessageSequencer sequencer,
      MessageStore store,
      Usernames usernames,
      SendLimit limit) {
    this.rooms = rooms;
    this.sequencer = sequencer;
    this.store = store;
    this.usernames = usernames;
    this.limit = limit;
  }

  /**
   * How bodies are formatted, which emoji are reactions (the catalogue's form of one, or null), and
   * how long messages stay editable (zero: always).
   */
  public MessageService configure(
      BodyFormat format, UnaryOperator<String> canonicalEmoji, Duration editWindow) {
    this.format = format;
    this.emoji = canonicalEmoji;
    this.editWindow = editWindow == null ? Duration.ZERO : editWindow;
    return this;
  }

  /** Where moderators' removals are recorded (with what they removed). */
  public MessageService auditWith(AuditLog log, java.time.Clock time) {
    this.audit = log;
    this.clock = time;
    return this;
  }

  /**
   * Who may mention the whole room ({@code @room}) or everyone present ({@code @here}), and which
   * of some people are online now (asked once per {@code @here}, for all the room's members).
   */
  public MessageService roomWideMentions(
      RoomWideMentions policy, java.util.function.UnaryOperator<Set<String>> onlineAmong) {
    this.roomWide = policy;
    this.onlineAmong = onlineAmong;
    return this;
  }

  /**
   * Legal holds: a message they cover is hidden when deleted or removed but kept, with its earlier
   * versions and files, in {@code held} for exports until the hold is lifted.
   */
  public MessageService holds(Holds covering, HeldMessages copies) {
    this.holds = covering;
    this.held = copies;
    return this;
  }

  /**
   * Which messages have an open report: in a direct conversation a global moderator (who cannot
   * read it) removes only those.
   */
  public MessageService reportedBy(java.util.function.BiPredicate<String, Long> openReport) {
    this.reported = openReport;
    return this;
  }

  /** What to do with the files of a deleted message (delete them from the file store). */
  public MessageService onDeletedFiles(java.util.function.Consumer<List<Attachment>> discard) {
    this.discardFiles = discard;
    return this;
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
    io.parley.rooms.Poster poster = rooms.requirePosting(userId, draft.roomId());
    long wait = limit.secondsToWait(userId, draft.roomId());
    if (wait > 0) {
      throw DomainException.rateLimited("You are sending messages", wait);
    }
    rooms.requireSlowModeTurn(poster, draft.clientMsgId());
    Mentioned mentioned = mentioned(draft.roomId(), userId, draft.body());
    return sequencer.append(
        draft.mentioning(mentioned.userIds()).formatted(format(draft.body(), mentioned)));
  }

  /** Replaces the text of the user's own message; everyone sees it edited. */
  public ChangeResult edit(
      String userId, String roomId, long seq, String body, String clientChangeId) {
    rooms.requirePoster(userId, roomId);
    String text = NewMessage.requireBody(body);
    Mentioned mentioned = mentioned(roomId, userId, text);
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
   * a legal hold they are kept for exports; see {@link #holds}).
   */
  public ChangeResult delete(String userId, String roomId, long seq, String clientChangeId) {
    rooms.requireMember(userId, roomId);
    rooms.refuseIfArchived(roomId);
    Message current =
        store.find(roomId, seq).orElseThrow(() -> DomainException.notFound("no such message"));
    boolean retry = store.changeExists(roomId, userId, clientChangeId);
    boolean kept = !retry && !current.deleted() && keepIfHeld(current, userId);
    ChangeResult result =
        sequencer.change(ChangeRequest.deletion(roomId, seq, userId, clientChangeId));
    if (!result.duplicate() && !kept && !current.files().isEmpty()) {
      discardFiles.accept(current.files()); // after the tombstone: no page links them any more
    }
    return result;
  }

  /**
   * A moderator removes someone's message: everyone sees "removed by a moderator"; its text and
   * earlier versions are gone from the store, kept in the audit record of the act (and, under a
   * legal hold, for exports). The record is written before the removal: no removal without one.
   */
  public ChangeResult remove(
      String moderatorId, String roomId, long seq, String reason, String clientChangeId) {
    String why = io.parley.common.Text.optional(reason, "reason", RoomService.MAX_REASON);
    io.parley.rooms.Room room = rooms.requireRemover(moderatorId, roomId);
    rooms.refuseIfArchived(roomId);
    Message current =
        store.find(roomId, seq).orElseThrow(() -> DomainException.notFound("no such message"));
    if (current.senderId().equals(moderatorId)) {
      return delete(moderatorId, roomId, seq, clientChangeId);
    }
    if (room.type().isDirect() && !reported.test(roomId, seq)) {
      throw DomainException.forbidden(
          "in a direct conversation only reported messages are removed by moderators");
    }
    if (current.deleted() || store.changeExists(roomId, moderatorId, clientChangeId)) {
      return sequencer.change(ChangeRequest.removal(roomId, seq, moderatorId, clientChangeId));
    }
    List<MessageEdit> versions = store.edits(roomId, seq);
    Map<String, String> detail = new java.util.LinkedHashMap<>();
    detail.put("seq", Long.toString(seq));
    detail.put("text", current.body());
    for (int i = 0; i < versions.size(); i++) {
      detail.put("earlier" + (i + 1), versions.get(i).previousBody());
    }
    if (!current.files().isEmpty()) {
      detail.put(
          "files", String.join(", ", current.files().stream().map(Attachment::name).toList()));
    }
    audit.record(
        new AuditEntry(
            clock.instant(),
            "message.removed",
            moderatorId,
            current.senderId(),
            roomId,
            why,
            detail));
    boolean kept = keepIfHeld(current, moderatorId);
    ChangeResult result =
        sequencer.change(ChangeRequest.removal(roomId, seq, moderatorId, clientChangeId));
    if (!result.duplicate() && !kept) {
      discardFiles.accept(current.files());
    }
    return result;
  }

  /** Keeps a copy of the message before it goes, if a hold covers it; whether it did. */
  private boolean keepIfHeld(Message current, String actorId) {
    if (!holds.covers(current.roomId(), current.senderId())) {
      return false;
    }
    held.keep(
        new HeldCopy(
            current, store.edits(current.roomId(), current.seq()), actorId, clock.instant()));
    audit.record(
        new AuditEntry(
            clock.instant(),
            "message.kept.under.hold",
            actorId,
            current.senderId(),
            current.roomId(),
            null,
            Map.of("seq", Long.toString(current.seq()))));
    return true;
  }

  /** Adds the user's reaction with {@code emoji}, or takes it back. */
  public ChangeResult react(
      String userId, String roomId, long seq, String emoji, String clientChangeId) {
    rooms.requireReactor(userId, roomId);
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
    rooms.requirePinner(userId, roomId);
    MessageChange.Kind kind = pinned ? MessageChange.Kind.PINNED : MessageChange.Kind.UNPINNED;
    return sequencer.change(request(userId, roomId, seq, clientChangeId, kind, null));
  }

  /** The room's pinned messages, the most recently pinned first, if the user may see the room. */
  public List<Message> pinned(String userId, String roomId) {
    rooms.visible(userId, roomId);
    List<Long> seqs = store.pinned(roomId);
    Map<Long, Message> bySeq = new java.util.HashMap<>();
    store.bySeqs(roomId, seqs).forEach(m -> bySeq.put(m.seq(), m));
    return seqs.stream().map(bySeq::get).filter(m -> m != null && m.pinned()).toList();
  }

  /** A message and its replies in order, if the user may see the room. */
  public MessageThread thread(String userId, String roomId, long parentSeq) {
    rooms.visible(userId, roomId);
    Message parent =
        store
            .find(roomId, parentSeq)
            .filter(m -> !m.isReply())
            .orElseThrow(() -> DomainException.notFound("no such message"));
    return new MessageThread(parent, store.bySeqs(roomId, parent.thread().replySeqs()));
  }

  /** A message's earlier versions, oldest first: for the room's moderators only. */
  public List<MessageEdit> editHistory(String userId, String roomId, long seq) {
    rooms.visible(userId, roomId);
    if (!rooms.canModerate(userId, roomId)) {
      throw DomainException.forbidden("only the room's moderators see earlier versions");
    }
    return store.edits(roomId, seq);
  }

  /** A thread: its first message and the replies. */
  public record MessageThread(Message parent, List<Message> replies) {}

  /** The message with this seq, if the user may see the room. */
  public Message message(String userId, String roomId, long seq) {
    rooms.visible(userId, roomId);
    return store.find(roomId, seq).orElseThrow(() -> DomainException.notFound("no such message"));
  }

  /**
   * The changes made in the room after {@code afterRev}, each with its message's current state,
   * oldest first, up to a page ({@link #CHANGES_PAGE}); for pages that catch up.
   */
  public List<MessageChange> changesAfter(String roomId, long afterRev) {
    List<MessageChange> changes = store.changesAfter(roomId, afterRev, CHANGES_PAGE);
    if (changes.isEmpty()) {
      return changes;
    }
    Map<Long, Message> current = new java.util.HashMap<>();
    store
        .bySeqs(roomId, changes.stream().map(MessageChange::seq).distinct().toList())
        .forEach(m -> current.put(m.seq(), m));
    return changes.stream()
        .filter(c -> current.containsKey(c.seq()))
        .map(c -> c.showing(current.get(c.seq())))
        .toList();
  }

  /** The room's newest change rev (0 when none): a page shows the room as of this rev. */
  public long lastRev(String roomId) {
    return store.lastRev(roomId);
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

  private String format(String body, Mentioned mentioned) {
    if (body.isEmpty()) {
      return null;
    }
    return format.html(body, mentioned.handles());
  }

  /** Who a body mentions (member ids) and the handles to highlight in it (lower-cased). */
  private record Mentioned(List<String> userIds, Set<String> handles) {
    static final Mentioned NONE = new Mentioned(List.of(), Set.of());
  }

  /**
   * The other members the body names with {@code @username}, plus all of them for {@code @room} or
   * those online for {@code @here} when the sender may use those. A member whose username is "room"
   * or "here" is mentioned by name whenever the room-wide meaning does not apply.
   */
  private Mentioned mentioned(String roomId, String senderId, String body) {
    Set<String> written = Mentions.handles(body);
    if (written.isEmpty()) {
      return Mentioned.NONE;
    }
    List<String> others =
        rooms.members(roomId).stream()
            .map(Membership::userId)
            .filter(id -> !id.equals(senderId))
            .toList();
    Map<String, String> names = usernames.of(others);
    Set<String> handles = new java.util.HashSet<>();
    Set<String> ids = new java.util.TreeSet<>();
    boolean room = written.contains(Mentions.ROOM) && mayMentionRoom(senderId, roomId);
    boolean here = written.contains(Mentions.HERE) && mayMentionRoom(senderId, roomId);
    if (room) {
      handles.add(Mentions.ROOM);
      ids.addAll(others);
    }
    if (here) {
      handles.add(Mentions.HERE);
      ids.addAll(onlineAmong.apply(Set.copyOf(others)));
    }
    names.forEach(
        (id, username) -> {
          String handle = username.toLowerCase(Locale.ROOT);
          boolean roomWide =
              handle.equals(Mentions.ROOM) && room || handle.equals(Mentions.HERE) && here;
          if (written.contains(handle) && !roomWide) {
            handles.add(handle);
            ids.add(id);
          }
        });
    return new Mentioned(List.copyOf(ids), Set.copyOf(handles));
  }

  private boolean mayMentionRoom(String senderId, String roomId) {
    return switch (roomWide) {
      case NOBODY -> false;
      case EVERYONE -> true;
      case MODERATORS -> rooms.canModerate(senderId, roomId);
    };
  }

  /** How many messages above {@code afterSeq} in the room mention the user. */
  public long mentionsSince(String userId, String roomId, long afterSeq) {
    return store.countMentions(roomId, userId, afterSeq);
  }

  /** A page of the room's history, if the user may see the room. */
  public MessagePage history(String userId, String roomId, HistoryQuery query) {
    rooms.visible(userId, roomId);
    if (query.after() != null) {
      List<Message> page = store.after(roomId, query.after(), query.limit());
      boolean hasOlder = !page.isEmpty() && page.get(0).seq() > 1;
      return new MessagePage(page, hasOlder || query.after() > 0);
    }
    long before = query.before() != null ? query.before() : Long.MAX_VALUE;
    List<Message> page = store.before(roomId, before, query.limit());
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
    if (seq > store.lastSeq(roomId)) {
      return false;
    }
    return createdAt == null
        || store
            .find(roomId, seq)
            .map(m -> m.createdAt().toString().equals(createdAt))
            .orElse(true);
  }

  /** The highest seq of the room (0 when empty), for unread counts. */
  public long lastSeq(String roomId) {
    return store.lastSeq(roomId);
  }
}
