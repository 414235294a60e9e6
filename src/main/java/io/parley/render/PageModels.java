package io.parley.render;

import io.parley.common.NodeReport;
import io.parley.rooms.Room;
import io.parley.rooms.Standing;
import io.parley.users.User;
import java.util.List;
import java.util.Map;

/** The models of the pages and fragments that {@code web} renders, one record each. */
public final class PageModels {

  private PageModels() {}

  /** What every signed-in page shows around its content: who is signed in, and their rooms. */
  /** {@code theme}: the page's {@code data-theme} (light, dark, contrast), null: the system's. */
  public record Frame(User me, List<RoomView> sidebar, String theme) implements Model {
    public static final Frame SIGNED_OUT = new Frame(null, List.of(), null);
  }

  /** An error page (a heading and a reference only when the error page itself says more). */
  public record ErrorPage(Frame frame, int status, String heading, String message, String reference)
      implements Model {
    public static ErrorPage of(Frame frame, int status, String message) {
      return new ErrorPage(frame, status, null, message, null);
    }
  }

  public record SignInPage(
      String next, boolean devEnabled, boolean ssoEnabled, String error, String name)
      implements Model {}

  public record ProfilePage(
      Frame frame,
      AvatarView avatar,
      String error,
      boolean saved,
      int maxName,
      int maxStatus,
      List<TokenRow> tokens,
      String issuedToken,
      LaterModels.NotificationChoices notifications)
      implements Model {}

  /** A personal access token as listed on the profile (never its secret). */
  public record TokenRow(
      String id, String name, String scopes, String created, String expires, String lastUsed) {}

  // --- rooms

  public record LobbyPage(Frame frame, List<Room> publicRooms, String error) implements Model {}

  public record DirectoryRow(String id, String name, int members, boolean joined) {}

  public record DirectoryPage(
      Frame frame, String q, List<DirectoryRow> rooms, int page, String prevHref, String nextHref)
      implements Model {}

  /** The viewer's standing line above the composer (fragments/composer). */
  public record StandingLine(String roomId, Standing standing, String mutedUntilLabel)
      implements Model {}

  /** A room, with a side panel (a thread or the pinned messages) for browsers without scripts. */
  public record RoomPage(
      Frame frame,
      RoomView room,
      String topic,
      String roomName,
      String receiptLine,
      boolean member,
      String notifyLevel,
      boolean canModerate,
      boolean canManage,
      boolean archived,
      boolean isAdmin,
      boolean readOnly,
      StandingLine standingLine,
      boolean canPost,
      List<MemberView> members,
      List<MessageView> messages,
      boolean hasOlder,
      long oldestSeq,
      long newestSeq,
      boolean paged,
      long rev,
      boolean moderatorsPin,
      Long jumpTo,
      Model panel,
      String clientMsgId,
      List<io.parley.integrations.SlashCommands.Command> commands,
      String draft)
      implements Model {}

  /** An emoji the composer offers for a {@code :name} being typed (a custom one has no unicode). */
  public record EmojiHint(String code, String unicode, String name) {}

  public record EmojiHints(List<EmojiHint> hints) implements Model {}

  /** Someone or a group the composer offers for an {@code @} being typed. */
  public record MentionHint(String handle, String label, boolean group) {}

  public record MentionHints(List<MentionHint> hints) implements Model {}

  public record ThreadPanel(
      String roomId,
      MessageView parent,
      List<MessageView> replies,
      boolean canPost,
      String clientMsgId,
      boolean thread,
      String draft)
      implements Model {}

  public record PinsPanel(String roomId, List<MessageView> pinned) implements Model {}

  public record OlderMessages(
      String roomId, List<MessageView> messages, boolean hasOlder, long oldestSeq)
      implements Model {}

  // --- one message's actions (fragments, or a page of their own without scripts)

  public record OneMessage(MessageView m) implements Model {}

  public record MessageMenu(
      String roomId,
      long seq,
      String heading,
      List<EmojiCatalogue.Emoji> quick,
      boolean canReply,
      boolean pinned,
      boolean mine,
      boolean canRemove,
      boolean canReport,
      boolean menu,
      boolean saved)
      implements Model {}

  /** Where a message may be forwarded: the viewer's rooms they may post in. */
  public record ForwardForm(
      String roomId, long seq, String heading, List<RoomView> targets, boolean forwarding)
      implements Model {}

  public record EditForm(String roomId, long seq, String heading, String body, boolean editing)
      implements Model {}

  public record EarlierVersion(String editor, String at, String body) {}

  public record EditHistoryPanel(
      String roomId,
      long seq,
      String heading,
      List<EarlierVersion> versions,
      String current,
      boolean history)
      implements Model {}

  public record EmojiPicker(
      String roomId,
      long seq,
      String heading,
      Map<String, List<EmojiCatalogue.Emoji>> groups,
      boolean picking,
      List<String> custom)
      implements Model {}

  public record MessageActionPage(Frame frame, Model action) implements Model {}

  public record Nothing() implements Model {}

  // --- people, search, reports

  public record PeopleOptions(User me, List<PersonView> people) implements Model {}

  public record PeoplePage(
      Frame frame,
      String q,
      List<PersonView> people,
      PersonView person,
      boolean self,
      List<String> groups)
      implements Model {}

  public record SearchPage(
      Frame frame,
      String q,
      String sort,
      List<SearchHitView> hits,
      String notice,
      String count,
      int page,
      boolean hasMore,
      String prevHref,
      String nextHref,
      String error)
      implements Model {}

  public record SearchSuggestions(
      String q, boolean blank, String allHref, List<SearchHitView> hits, String notice)
      implements Model {}

  public record ReportsPage(
      Frame frame,
      String heading,
      boolean queue,
      List<ReportView> reports,
      String done,
      String error)
      implements Model {}

  // --- integrations

  /** A room's incoming webhook as its moderators see it (never its secret). */
  public record HookRow(
      String id,
      String name,
      String botName,
      String createdBy,
      String createdAt,
      String secretSetAt) {}

  /**
   * A room's webhooks; {@code issuedUrl} is the URL of one just made or given a new secret (shown
   * this once), with its hook's name.
   */
  public record HooksPage(
      Frame frame,
      String roomId,
      String roomName,
      List<HookRow> hooks,
      String issuedName,
      String issuedUrl,
      String error,
      int maxName,
      List<OutgoingHookRow> outgoing,
      String issuedSecret)
      implements Model {}

  /** A room's outgoing webhook (never its secret) with its latest delivery attempts. */
  public record OutgoingHookRow(
      String id,
      String name,
      String url,
      String triggers,
      String createdBy,
      String createdAt,
      List<DeliveryRow> deliveries) {}

  /** One attempt to call an outgoing webhook. */
  public record DeliveryRow(
      String at, long seq, int attempt, String status, long millis, String error, boolean ok) {}

  // --- administration

  public record AdminPersonRow(
      String username,
      String name,
      String roles,
      String status,
      boolean disabled,
      String presence,
      List<String> connections,
      String lastSignIn) {}

  public record AdminRoomRow(
      String id,
      String name,
      String type,
      String owner,
      int members,
      long messages,
      String perDay,
      String mode,
      int slowMode,
      boolean archived,
      String created) {}

  public record AdminPage(
      Frame frame,
      String done,
      String error,
      List<NodeReport> nodes,
      String peopleQuery,
      String roomsQuery,
      List<AdminPersonRow> people,
      List<AdminRoomRow> rooms,
      List<AdminHookRow> hooks)
      implements Model {}

  /** An incoming webhook in the admin console, with its room. */
  public record AdminHookRow(
      String id,
      String kind,
      String name,
      String roomId,
      String roomName,
      String createdBy,
      String createdAt,
      String deletePath) {}

  /** The audit console's filters as the form shows them (null: not set). */
  public record AuditFilters(
      String actor, String target, String room, String action, String from, String to) {}

  public record AuditRow(
      String at,
      String action,
      String actor,
      String target,
      String room,
      String reason,
      String detail,
      String node,
      String client) {}

  public record AuditPage(
      Frame frame,
      AuditFilters f,
      List<String> actions,
      String query,
      int page,
      boolean hasMore,
      List<AuditRow> entries,
      String error)
      implements Model {}

  public record HoldRow(String on, String target, String placedBy, String at, String reason) {}

  public record RetentionPage(
      Frame frame,
      String done,
      String error,
      int defaultDays,
      Map<String, Integer> roomDays,
      List<HoldRow> holds,
      long indexed,
      int backlog)
      implements Model {}
}
