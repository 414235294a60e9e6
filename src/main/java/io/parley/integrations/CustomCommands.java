package io.parley.integrations;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Text;
import io.parley.rooms.RoomService;
import io.parley.users.User;
import io.parley.users.UserService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Commands administrators add for everyone ({@code /deploy staging}): Parley POSTs the command, its
 * text, the person and the room to the command's URL, signed like outgoing webhooks, and shows the
 * answer's {@code text} to that person only. Calls run on the hooks' threads with a 3 s limit, so
 * the socket that sent the command is never held; where the URL may point follows {@link
 * UrlPolicy}.
 */
public final class CustomCommands {

  public static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{1,31}");

  /** A command just made: its signing secret is in this answer only. */
  public record Issued(CustomCommand command, String secret) {}

  private final CommandStore store;
  private final RoomService rooms;
  private final UserService users;
  private final AuditLog audit;
  private final Clock clock;
  private final OutgoingHooks.Calls calls;
  private final Executor workers;

  public CustomCommands(
      CommandStore store,
      RoomService rooms,
      UserService users,
      AuditLog audit,
      Clock clock,
      OutgoingHooks.Calls calls,
      Executor workers) {
    this.store = store;
    this.rooms = rooms;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.calls = calls;
    this.workers = workers;
  }

  public Issued create(String actorId, String name, String description, String url) {
    requireAdmin(actorId);
    String n = String.valueOf(name).strip().replaceFirst("^/", "").toLowerCase(Locale.ROOT);
    boolean builtIn = SlashCommands.BUILT_IN.stream().anyMatch(c -> c.name().equals(n));
    if (!NAME.matcher(n).matches() || builtIn) {
      throw DomainException.invalid(
          "a command's name is 2-32 characters of a-z, 0-9, '_', '-', and not a built-in one");
    }
    if (store.find(n).isPresent()) {
      throw DomainException.conflict("there is a /" + n + " already");
    }
    URI target = calls.policy().resolveAndCheck(url);
    String secret = HookSecrets.generate();
    CustomCommand command =
        new CustomCommand(
            n,
            Text.requireName(description, "description", 100),
            target.toString(),
            secret,
            actorId,
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    store.save(command);
    record("command.created", actorId, command);
    return new Issued(command, secret);
  }

  public void delete(String actorId, String name) {
    requireAdmin(actorId);
    CustomCommand command =
        store.find(name).orElseThrow(() -> DomainException.notFound("no command /" + name));
    store.delete(command.name());
    record("command.deleted", actorId, command);
  }

  public List<CustomCommand> all() {
    return store.all();
  }

  Optional<CustomCommand> find(String name) {
    return store.find(name);
  }

  /**
   * Calls the command for a member of the room; completes with the answer for them (a refusal or a
   * failure is said the same way, as a notice).
   */
  CompletableFuture<SlashCommands.Notice> call(
      CustomCommand command, String userId, String roomId, String text) {
    rooms.access().requireMember(userId, roomId);
    User user = users.require(userId);
    String roomName = rooms.listings().name(roomId).orElse("");
    HookTransport.CommandCall call =
        new HookTransport.CommandCall(
            "/" + command.name(),
            text,
            userId,
            user.username(),
            user.displayName(),
            roomId,
            roomName);
    return CompletableFuture.supplyAsync(() -> answer(command, call), workers);
  }

  private SlashCommands.Notice answer(CustomCommand command, HookTransport.CommandCall call) {
    try {
      URI target = calls.policy().resolveAndCheck(command.url());
      byte[] body = calls.transport().encode(call);
      long timestamp = clock.instant().getEpochSecond();
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put(HookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
      headers.put(
          HookSignature.SIGNATURE_HEADER, HookSignature.sign(command.secret(), timestamp, body));
      HookTransport.Answer answer = calls.transport().post(target, headers, body, TIMEOUT);
      if (answer.status() < 200 || answer.status() >= 300) {
        return new SlashCommands.Notice(
            "/" + command.name() + " failed (" + answer.status() + ").");
      }
      String text = answer.replyText();
      return new SlashCommands.Notice(
          text == null || text.isBlank() ? "/" + command.name() + " done." : text.strip());
    } catch (DomainException e) {
      return new SlashCommands.Notice("/" + command.name() + " is not allowed to call out now.");
    } catch (java.io.IOException | RuntimeException e) {
      return new SlashCommands.Notice(
          "/" + command.name() + " did not answer in time; try again later.");
    }
  }

  private void requireAdmin(String actorId) {
    if (!users.isAdministrator(actorId)) {
      throw DomainException.forbidden("only administrators manage commands");
    }
  }

  private void record(String action, String actorId, CustomCommand c) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            action,
            actorId,
            null,
            null,
            null,
            Map.of("command", c.name(), "url", c.url())));
  }
}
