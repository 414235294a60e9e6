package io.parley.messaging;

import io.parley.audit.AuditLog;
import io.parley.rooms.RoomService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** What a message service is built from: set once, before it serves anyone. */
public final class MessageServiceBuilder {
  final RoomService rooms;
  final MessageSequencer sequencer;
  final MessageStores store;
  final Usernames usernames;
  SendLimit limit = SendLimit.NONE;
  BodyFormat format = BodyFormat.NONE;
  UnaryOperator<String> emoji = e -> e;
  Duration editWindow = Duration.ZERO;
  Consumer<List<Attachment>> discardFiles = files -> {};
  AuditLog audit = AuditLog.NONE;
  Clock clock = Clock.systemUTC();
  RoomWideMentions roomWide = RoomWideMentions.MODERATORS;
  UnaryOperator<Set<String>> onlineAmong = ids -> Set.of();
  Function<Set<String>, Map<String, Set<String>>> groupMembers = handles -> Map.of();
  Holds holds = Holds.NONE;
  HeldMessages held = HeldMessages.NONE;
  BiPredicate<String, Long> reported = (roomId, seq) -> false;

  MessageServiceBuilder(
      RoomService rooms, MessageSequencer sequencer, MessageStores store, Usernames usernames) {
    this.rooms = rooms;
    this.sequencer = sequencer;
    this.store = store;
    this.usernames = usernames;
  }

  /** How often a person may post (shared by every way in and, in a cluster, every node). */
  public MessageServiceBuilder limit(SendLimit sendLimit) {
    this.limit = sendLimit;
    return this;
  }

  /**
   * How bodies are formatted, which emoji are reactions (the catalogue's form of one, or null), and
   * how long messages stay editable (zero: always).
   */
  public MessageServiceBuilder configure(
      BodyFormat bodyFormat, UnaryOperator<String> canonicalEmoji, Duration window) {
    this.format = bodyFormat;
    this.emoji = canonicalEmoji;
    this.editWindow = window == null ? Duration.ZERO : window;
    return this;
  }

  /** Where moderators' removals are recorded (with what they removed). */
  public MessageServiceBuilder auditWith(AuditLog log, Clock time) {
    this.audit = log;
    this.clock = time;
    return this;
  }

  /**
   * Who may mention the whole room ({@code @room}) or everyone present ({@code @here}), and which
   * of some people are online now (asked once per {@code @here}, for all the room's members).
   */
  public MessageServiceBuilder roomWideMentions(
      RoomWideMentions policy, UnaryOperator<Set<String>> online) {
    this.roomWide = policy;
    this.onlineAmong = online;
    return this;
  }

  /**
   * User groups: the member ids of each of the handles that name a group ({@code @group} mentions
   * notify those of them in the room).
   */
  public MessageServiceBuilder groups(Function<Set<String>, Map<String, Set<String>>> members) {
    this.groupMembers = members;
    return this;
  }

  /**
   * Legal holds: a message they cover is hidden when deleted or removed but kept, with its earlier
   * versions and files, in {@code copies} for exports until the hold is lifted.
   */
  public MessageServiceBuilder holds(Holds covering, HeldMessages copies) {
    this.holds = covering;
    this.held = copies;
    return this;
  }

  /**
   * Which messages have an open report: in a direct conversation a global moderator (who cannot
   * read it) removes only those.
   */
  public MessageServiceBuilder reportedBy(BiPredicate<String, Long> openReport) {
    this.reported = openReport;
    return this;
  }

  /** What to do with the files of a deleted message (delete them from the file store). */
  public MessageServiceBuilder onDeletedFiles(Consumer<List<Attachment>> discard) {
    this.discardFiles = discard;
    return this;
  }

  public MessageService build() {
    return new MessageService(this);
  }
}
