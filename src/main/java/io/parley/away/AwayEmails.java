package io.parley.away;

import io.parley.common.DomainException;
import io.parley.messaging.Message;
import io.parley.presence.PresenceDirectory;
import io.parley.presence.PresenceState;
import io.parley.receipts.ReceiptStore;
import io.parley.rooms.Membership;
import io.parley.rooms.Notify;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.users.User;
import io.parley.users.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Email for what a person missed. A mention or a direct message (and a reminder that fired) is
 * noted for each recipient who asked for email; a run every minute gathers, per person whose oldest
 * note is older than the wait, what is still unread, not muted and readable, and sends it as one
 * digest, unless the person is online now or was emailed within their chosen period. Reading the
 * room in time, or coming back, means no email. One node runs it at a time (a cluster job), so a
 * person gets one email, not one per node.
 */
public final class AwayEmails {

  /** Describes a missed message as the person sees it, if they may still read it. */
  public interface Describer {
    Optional<MissedItem> describe(String userId, Missed missed);
  }

  private final MissedStore missed;
  private final AwaySettingsStore settings;
  private final DigestMail mail;
  private final RoomService rooms;
  private final ReceiptStore receipts;
  private final PresenceDirectory presence;
  private final UserService users;
  private final Describer describer;
  private final Clock clock;
  private final Duration wait;
  private final UnsubscribeTokens unsubscribe;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  public AwayEmails(
      MissedStore missed,
      AwaySettingsStore settings,
      DigestMail mail,
      RoomService rooms,
      ReceiptStore receipts,
      PresenceDirectory presence,
      UserService users,
      Describer describer,
      Clock clock,
      Duration wait) {
    this.missed = missed;
    this.settings = settings;
    this.mail = mail;
    this.rooms = rooms;
    this.receipts = receipts;
    this.presence = presence;
    this.users = users;
    this.describer = describer;
    this.clock = clock;
    this.wait = wait;
    this.unsubscribe = new UnsubscribeTokens(settings.signingKey());
  }

  /** Pushes to devices too (absent: email only). */
  public AwayEmails pushingWith(AwayPushes pushes) {
    this.pushes = pushes;
    return this;
  }

  private volatile AwayPushes pushes;

  /** Pushes and notes a stored message for those it mentions or, in a conversation, its members. */
  public void posted(Message m) {
    missedBy(m).forEach(this::deliver);
  }

  /**
   * Who may miss a stored message: the people it mentions or, in a direct conversation, its other
   * members, who asked for email or turned on a device.
   */
  public List<Missed> missedBy(Message m) {
    if (m.deleted()) {
      return List.of();
    }
    Room room = rooms.access().visible(m.senderId(), m.roomId());
    Set<String> to = new LinkedHashSet<>(m.mentions());
    if (room.type().isDirect()) {
      rooms.memberLists().members(m.roomId()).stream().map(Membership::userId).forEach(to::add);
    }
    to.remove(m.senderId());
    Missed.Kind kind = room.type().isDirect() ? Missed.Kind.DIRECT : Missed.Kind.MENTION;
    List<Missed> found = new ArrayList<>();
    for (String userId : to) {
      if (reachable(userId)) {
        found.add(new Missed(userId, m.roomId(), m.seq(), kind, clock.instant()));
      }
    }
    return found;
  }

  /** A reminder that fired, for a person who is away. */
  public void reminded(String userId, String roomId, long seq) {
    if (reachable(userId)) {
      deliver(new Missed(userId, roomId, seq, Missed.Kind.REMINDER, clock.instant()));
    }
  }

  /**
   * Pushes it to the person's devices now if they are not online, and notes it for their email
   * unless it was pushed (and they did not ask for both).
   */
  public void deliver(Missed e) {
    if (e.kind() != Missed.Kind.REMINDER
        && rooms.memberships().notifyLevels(e.userId()).get(e.roomId()) == Notify.NOTHING) {
      return; // a muted room: no push, no email
    }
    AwaySettings chosen = settingsOf(e.userId());
    boolean pushed = false;
    if (pushes != null && pushes.hasDevices(e.userId())) {
      Optional<MissedItem> item = describe(e.userId(), e);
      if (item.isEmpty()) {
        return;
      }
      pushed = pushes.push(e.userId(), notification(item.get(), chosen.includeText()));
    }
    if (mail.configured() && chosen.wantsEmail() && (!pushed || chosen.alsoEmailPushed())) {
      missed.add(e);
    }
  }

  private boolean reachable(String userId) {
    return (mail.configured() && settingsOf(userId).wantsEmail())
        || (pushes != null && pushes.hasDevices(userId));
  }

  static PushSender.Notification notification(MissedItem item, boolean includeText) {
    String title =
        switch (item.kind()) {
          case REMINDER -> "Reminder: " + item.sender() + " in " + item.room();
          case DIRECT -> item.sender();
          case MENTION -> item.sender() + " mentioned you in " + item.room();
        };
    String body = includeText ? item.excerpt() : "Open Parley to read it.";
    return new PushSender.Notification(title, body, item.path(), item.path());
  }

  /** Sends what is due; returns how many emails went out. */
  public int sendDue() {
    if (!mail.configured()) {
      return 0;
    }
    Instant now = clock.instant();
    int count = 0;
    for (String userId : missed.peopleWithMissedBefore(now.minus(wait), 500)) {
      if (sendTo(userId, now)) {
        count++;
      }
    }
    return count;
  }

  private boolean sendTo(String userId, Instant now) {
    List<Missed> entries = missed.of(userId);
    AwaySettings chosen = settingsOf(userId);
    if (!chosen.wantsEmail()) {
      missed.remove(entries);
      return false;
    }
    if (presence.stateOf(userId) == PresenceState.ONLINE) {
      return false; // back in a tab: what they have not read yet, they will see there
    }
    Optional<Instant> last = settings.lastEmailed(userId);
    if (last.isPresent() && last.get().plus(chosen.frequency().period).isAfter(now)) {
      return false;
    }
    Map<String, Long> read = receipts.lastRead(userId);
    Map<String, Notify> levels = rooms.memberships().notifyLevels(userId);
    List<MissedItem> items = new ArrayList<>();
    for (Missed e : entries) {
      boolean seen =
          e.kind() != Missed.Kind.REMINDER && read.getOrDefault(e.roomId(), 0L) >= e.seq();
      if (!seen && levels.get(e.roomId()) != Notify.NOTHING) {
        describe(userId, e).ifPresent(items::add);
      }
    }
    if (items.isEmpty()) {
      missed.remove(entries);
      return false;
    }
    User person = users.require(userId);
    try {
      mail.send(
          new Digest(
              userId,
              person.displayName(),
              chosen.email(),
              items,
              chosen.includeText(),
              unsubscribe.of(userId)));
    } catch (DigestMail.MailFailure e) {
      failures.incrementAndGet();
      return false;
    }
    settings.emailed(userId, now);
    missed.remove(entries);
    sent.incrementAndGet();
    return true;
  }

  private Optional<MissedItem> describe(String userId, Missed e) {
    try {
      return describer.describe(userId, e);
    } catch (DomainException gone) {
      return Optional.empty();
    }
  }

  public AwaySettings settingsOf(String userId) {
    return settings.find(userId).orElse(AwaySettings.defaults(userId));
  }

  public AwaySettings choose(
      String userId,
      String email,
      EmailFrequency frequency,
      boolean includeText,
      boolean alsoEmailPushed) {
    AwaySettings chosen = new AwaySettings(userId, email, frequency, includeText, alsoEmailPushed);
    settings.save(chosen);
    return chosen;
  }

  /** One-click unsubscribe: the token's person gets no more email; false for a bad token. */
  public boolean unsubscribe(String token) {
    Optional<String> userId = unsubscribe.userOf(token);
    userId.ifPresent(
        id -> {
          AwaySettings now = settingsOf(id);
          settings.save(now.withFrequency(EmailFrequency.NEVER));
        });
    return userId.isPresent();
  }

  public boolean unsubscribeTokenValid(String token) {
    return unsubscribe.userOf(token).isPresent();
  }

  public boolean mailConfigured() {
    return mail.configured();
  }

  public long sent() {
    return sent.get();
  }

  public long failures() {
    return failures.get();
  }
}
