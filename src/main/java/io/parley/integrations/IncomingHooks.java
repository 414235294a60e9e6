package io.parley.integrations;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.common.Text;
import io.parley.messaging.MessageService;
import io.parley.messaging.NewMessage;
import io.parley.messaging.SendResult;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.users.UserService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Incoming webhooks: a room's moderators make one (it gets a bot account, added to the room, and a
 * secret shown once), rotate its secret or delete it; administrators see and delete all. A post to
 * it is a message from its bot through the ordinary send path: sequenced, stored before it is
 * acknowledged, delivered, searchable, and held to the room's rules (archived, read-only, muted,
 * the per-sender rate limit).
 */
public final class IncomingHooks {

  public static final int MAX_NAME = 60;
  public static final int MAX_PER_ROOM = 20;
  static final String BOT_PREFIX = "hook:";
  static final String META_HOOK = "hook";
  static final String META_AS = "as";

  /** A hook just made or given a new secret: the secret is in this answer only. */
  public record Issued(IncomingHook hook, String secret) {}

  private final HookStore store;
  private final RoomService rooms;
  private final MessageService messages;
  private final UserService users;
  private final HookRooms hookRooms;
  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<String> ids;

  public IncomingHooks(
      HookStore store,
      RoomService rooms,
      MessageService messages,
      UserService users,
      AuditLog audit,
      Clock clock,
      Supplier<String> ids) {
    this.store = store;
    this.rooms = rooms;
    this.messages = messages;
    this.users = users;
    this.hookRooms = new HookRooms(rooms, users);
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
  }

  /** A moderator makes a hook posting into their room as a new bot named {@code name}. */
  public Issued create(String actorId, String roomId, String name) {
    Room room = hookRooms.requireModerator(actorId, roomId);
    String shown = Text.requireName(name, "name", MAX_NAME);
    if (room.type().isDirect()) {
      throw DomainException.invalid("webhooks post in rooms, not in direct conversations");
    }
    if (store.inRoom(roomId).size() >= MAX_PER_ROOM) {
      throw DomainException.conflict(
          "a room has at most " + MAX_PER_ROOM + " webhooks: delete one first");
    }
    String id = ids.get();
    String botId = BOT_PREFIX + id;
    hookRooms.addBot(actorId, roomId, botId, shown);
    String secret = HookSecrets.generate();
    Instant now = now();
    IncomingHook hook =
        new IncomingHook(id, roomId, shown, botId, HookSecrets.hash(secret), actorId, now, now);
    store.save(hook);
    record("hook.created", actorId, hook);
    return new Issued(hook, secret);
  }

  /** A new secret: the old URL stops working at once. */
  public Issued rotate(String actorId, String hookId) {
    IncomingHook hook = requireManaged(actorId, hookId);
    String secret = HookSecrets.generate();
    IncomingHook rotated = hook.withSecret(HookSecrets.hash(secret), now());
    store.save(rotated);
    record("hook.secret-rotated", actorId, rotated);
    return new Issued(rotated, secret);
  }

  /** The hook stops working; its bot leaves the room, and its old messages keep its name. */
  public void delete(String actorId, String hookId) {
    IncomingHook hook = requireManaged(actorId, hookId);
    store.delete(hook.id());
    hookRooms.retireBot(hook.botId(), hook.roomId());
    record("hook.deleted", actorId, hook);
  }

  /** The room's hooks, for its moderators (and administrators). */
  public List<IncomingHook> inRoom(String actorId, String roomId) {
    hookRooms.requireManager(actorId, roomId);
    return store.inRoom(roomId);
  }

  /** Every hook, for administrators. */
  public List<IncomingHook> all(String actorId) {
    if (!users.isAdministrator(actorId)) {
      throw DomainException.forbidden("only administrators can do that");
    }
    return store.all(500);
  }

  /**
   * Posts {@code post} through hook {@code hookId} if {@code secret} is its secret. An unknown hook
   * and a wrong secret are the same "not found", and take the same time (the hash is compared in
   * both cases). {@code idempotencyKey} (optional) makes a retried post store nothing twice.
   */
  public SendResult post(String hookId, String secret, HookPost post, String idempotencyKey) {
    IncomingHook hook = store.find(hookId == null ? "" : hookId).orElse(null);
    boolean matches =
        HookSecrets.matches(secret, hook == null ? HookSecrets.NO_HOOK : hook.secretHash());
    if (hook == null || !matches) {
      throw DomainException.notFound("no such webhook");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(META_HOOK, hook.id());
    if (post.username() != null && !post.username().isBlank()) {
      metadata.put(META_AS, Text.requireName(post.username(), "username", MAX_NAME));
    }
    String clientId = idempotencyKey == null ? Ids.newId() : idempotencyKey;
    NewMessage draft =
        new NewMessage(
            hook.roomId(), hook.botId(), post.markdown(), "text/markdown", clientId, metadata);
    return messages.post(hook.botId(), draft);
  }

  private IncomingHook requireManaged(String actorId, String hookId) {
    IncomingHook hook =
        store.find(hookId).orElseThrow(() -> DomainException.notFound("no such webhook"));
    hookRooms.requireManager(actorId, hook.roomId());
    return hook;
  }

  /**
   * The room, if the actor moderates it: not found if they cannot see it, forbidden if they can.
   */

  /** To the millisecond, as the store keeps it. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private void record(String action, String actorId, IncomingHook hook) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            action,
            actorId,
            hook.botId(),
            hook.roomId(),
            null,
            Map.of("hook", hook.id(), "name", hook.name())));
  }

  /** The bot's username: the name's letters and digits, dashed ("CI builds" → "ci-builds-bot"). */
  static String handle(String name) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 30) {
      slug = slug.substring(0, 30).replaceAll("-+$", "");
    }
    return (slug.isEmpty() ? "webhook" : slug) + "-bot";
  }
}
