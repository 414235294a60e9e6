package io.parley.integrations;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Ids;
import io.parley.common.Text;
import io.parley.messaging.Message;
import io.parley.messaging.MessageService;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.users.User;
import io.parley.users.UserService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Outgoing webhooks: a room's moderators have Parley call a URL for the room's messages (every one,
 * or those starting with a trigger word); the answer's {@code text} is posted back as the hook's
 * bot. Calls leave from a bounded queue on a few threads of their own, signed, with retries and
 * exponential backoff, each attempt logged; the send path only hands the message over, so a slow or
 * dead receiver never delays chat. Each message is called out by the node that stored it.
 */
public final class OutgoingHooks {

  public static final int MAX_NAME = 60;
  public static final int MAX_PER_ROOM = 10;
  public static final int MAX_TRIGGERS = 10;

  static final String BOT_PREFIX = "outhook:";

  /** A hook just made: its signing secret is in this answer only. */
  public record Issued(OutgoingHook hook, String secret) {}

  /** How calls are made: the transport, where they may go, when to retry, each call's timeout. */
  public record Calls(
      HookTransport transport, UrlPolicy policy, Duration firstRetry, Duration timeout) {}

  private final OutgoingHookStore store;
  private final RoomService rooms;
  private final MessageService messages;
  private final UserService users;
  private final HookRooms hookRooms;
  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Calls calls;
  private final HookDeliveries deliveries;
  private volatile Map<String, List<OutgoingHook>> byRoom = Map.of();

  public OutgoingHooks(
      OutgoingHookStore store,
      RoomService rooms,
      MessageService messages,
      UserService users,
      AuditLog audit,
      Clock clock,
      Supplier<String> ids,
      Calls calls,
      ScheduledExecutorService workers) {
    this.store = store;
    this.rooms = rooms;
    this.messages = messages;
    this.users = users;
    this.hookRooms = new HookRooms(rooms, users);
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
    this.calls = calls;
    this.deliveries = new HookDeliveries(store, messages, clock, calls, workers);
    reload();
  }

  /** Reads every hook again (other nodes' changes arrive this way, every few seconds). */
  public void reload() {
    Map<String, List<OutgoingHook>> fresh = new HashMap<>();
    for (OutgoingHook h : store.all()) {
      fresh.computeIfAbsent(h.roomId(), r -> new ArrayList<>()).add(h);
    }
    byRoom = Map.copyOf(fresh);
  }

  /** A moderator has {@code url} called for the room's messages (or those starting a trigger). */
  public Issued create(
      String actorId, String roomId, String name, String url, String triggerWords) {
    Room room = hookRooms.requireModerator(actorId, roomId);
    String shown = Text.requireName(name, "name", MAX_NAME);
    if (room.type().isDirect()) {
      throw DomainException.invalid("webhooks serve rooms, not direct conversations");
    }
    URI target = calls.policy().resolveAndCheck(url);
    List<String> triggers = triggers(triggerWords);
    if (store.all().stream().filter(h -> h.roomId().equals(roomId)).count() >= MAX_PER_ROOM) {
      throw DomainException.conflict(
          "a room has at most " + MAX_PER_ROOM + " outgoing webhooks: delete one first");
    }
    String id = ids.get();
    String botId = BOT_PREFIX + id;
    hookRooms.addBot(actorId, roomId, botId, shown);
    String secret = HookSecrets.generate();
    OutgoingHook hook =
        new OutgoingHook(
            id,
            roomId,
            shown,
            botId,
            target.toString(),
            triggers,
            secret,
            actorId,
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    store.save(hook);
    reload();
    record("hook.outgoing.created", actorId, hook);
    return new Issued(hook, secret);
  }

  /** No more calls; the bot leaves the room (its replies keep its name). */
  public void delete(String actorId, String hookId) {
    OutgoingHook hook = requireManaged(actorId, hookId);
    store.delete(hook.id());
    reload();
    hookRooms.retireBot(hook.botId(), hook.roomId());
    record("hook.outgoing.deleted", actorId, hook);
  }

  /** The room's outgoing hooks, for its moderators and administrators. */
  public List<OutgoingHook> inRoom(String actorId, String roomId) {
    hookRooms.requireManager(actorId, roomId);
    return store.all().stream().filter(h -> h.roomId().equals(roomId)).toList();
  }

  /** Every outgoing hook, for administrators. */
  public List<OutgoingHook> all(String actorId) {
    if (!users.isAdministrator(actorId)) {
      throw DomainException.forbidden("only administrators can do that");
    }
    return store.all();
  }

  /** The hook's latest delivery attempts, for whoever manages it. */
  public List<HookDelivery> deliveries(String actorId, String hookId, int limit) {
    requireManaged(actorId, hookId);
    return store.deliveries(hookId, Math.max(1, Math.min(limit, 100)));
  }

  /** Calls waiting or under way on this node. */
  public int queued() {
    return deliveries.queued();
  }

  /**
   * A message was stored through this node: queues a call for each of its room's hooks it triggers,
   * deciding on the hooks' threads (the sender's acknowledgement waits for none of it). Messages
   * from bots (hooks' own replies included) call nobody, so hooks cannot loop.
   */
  public void onPosted(Message m) {
    List<OutgoingHook> hooks = byRoom.getOrDefault(m.roomId(), List.of());
    if (!hooks.isEmpty() && !m.deleted()) {
      deliveries.later(() -> queueCalls(m, hooks));
    }
  }

  private void queueCalls(Message m, List<OutgoingHook> hooks) {
    User sender = users.byIds(List.of(m.senderId())).get(m.senderId());
    if (sender == null || sender.bot()) {
      return;
    }
    for (OutgoingHook hook : hooks) {
      String trigger = hook.triggeredBy(m.body());
      if (trigger == null) {
        continue;
      }
      deliveries.enqueue(hook, event(hook, m, sender, trigger));
    }
  }

  private HookEvent event(OutgoingHook hook, Message m, User sender, String trigger) {
    String roomName = rooms.listings().name(m.roomId()).orElse("");
    return new HookEvent(
        "message",
        hook.id(),
        Ids.newId(),
        m.roomId(),
        roomName,
        m.seq(),
        m.threadOf(),
        sender.id(),
        sender.username(),
        sender.displayName(),
        m.body(),
        trigger.isEmpty() ? null : trigger,
        m.createdAt().toString());
  }

  private static List<String> triggers(String words) {
    if (words == null || words.isBlank()) {
      return List.of();
    }
    List<String> list =
        Arrays.stream(words.split("[,\\s]+"))
            .map(w -> w.strip().toLowerCase(Locale.ROOT))
            .filter(w -> !w.isEmpty())
            .distinct()
            .toList();
    if (list.size() > MAX_TRIGGERS || list.stream().anyMatch(w -> w.length() > 40)) {
      throw DomainException.invalid(
          "at most " + MAX_TRIGGERS + " trigger words of at most 40 characters each");
    }
    return list;
  }

  private OutgoingHook requireManaged(String actorId, String hookId) {
    OutgoingHook hook =
        store.find(hookId).orElseThrow(() -> DomainException.notFound("no such webhook"));
    hookRooms.requireManager(actorId, hook.roomId());
    return hook;
  }

  private void record(String action, String actorId, OutgoingHook hook) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            action,
            actorId,
            hook.botId(),
            hook.roomId(),
            null,
            Map.of("hook", hook.id(), "name", hook.name(), "url", hook.url())));
  }
}
