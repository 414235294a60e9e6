package io.parley.emoji;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Pictures;
import io.parley.users.UserService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Custom emoji. Administrators add a PNG or GIF (at most 256 KiB; drawn anew as a PNG of at most
 * 64×64, a GIF's first frame) under a name of their own, not one of the standard emoji's; anyone
 * uses it as {@code :name:} in a message or as a reaction. Removing one keeps old messages
 * readable: they show {@code :name:} where the picture was. Each node rereads the names when its
 * copy is 10 s old, so one added on another node works here soon after.
 */
public final class CustomEmojis {

  public static final int MAX_BYTES = 256 * 1024;
  public static final int SIDE = 64;
  private static final Pattern NAME = Pattern.compile("[a-z0-9_+-]{2,32}");

  private final CustomEmojiStore store;
  private final UserService users;
  private final AuditLog audit;
  private final Clock clock;
  private final Predicate<String> standard;
  private volatile Set<String> names = Set.of();
  private volatile long readAt;

  /** {@code standard}: whether a shortcode is one of the standard emoji's (those stay theirs). */
  public CustomEmojis(
      CustomEmojiStore store,
      UserService users,
      AuditLog audit,
      Clock clock,
      Predicate<String> standard) {
    this.store = store;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.standard = standard;
    reload();
  }

  public CustomEmoji add(String actorId, String name, byte[] picture) {
    requireAdmin(actorId);
    String n = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
    if (!NAME.matcher(n).matches()) {
      throw DomainException.invalid("a name is 2-32 of a-z, 0-9, _, + or -");
    }
    if (standard.test(n)) {
      throw DomainException.conflict(":" + n + ": is a standard emoji");
    }
    byte[] png = Pictures.redrawn(picture, MAX_BYTES, SIDE, Set.of("png", "gif"), "an emoji");
    CustomEmoji emoji = new CustomEmoji(n, actorId, clock.instant());
    audit.record(
        new AuditEntry(
            clock.instant(), "emoji.added", actorId, null, null, null, Map.of("name", n)));
    if (!store.add(emoji, png)) {
      throw DomainException.conflict(":" + n + ": exists already");
    }
    reload();
    return emoji;
  }

  public void remove(String actorId, String name) {
    requireAdmin(actorId);
    audit.record(
        new AuditEntry(
            clock.instant(), "emoji.removed", actorId, null, null, null, Map.of("name", name)));
    if (!store.delete(name)) {
      throw DomainException.notFound("no such emoji");
    }
    reload();
  }

  public List<CustomEmoji> all() {
    return store.all();
  }

  public Optional<byte[]> picture(String name) {
    return names().contains(name) ? store.picture(name) : Optional.empty();
  }

  /** Whether {@code :name:} is a custom emoji now. */
  public boolean exists(String name) {
    return names().contains(name);
  }

  /** The names, read again when the last read is over 10 s old (so another node's change shows). */
  public Set<String> names() {
    if (clock.millis() - readAt > 10_000) {
      reload();
    }
    return names;
  }

  private void reload() {
    names = store.all().stream().map(CustomEmoji::name).collect(Collectors.toUnmodifiableSet());
    readAt = clock.millis();
  }

  private void requireAdmin(String actorId) {
    if (!users.isAdministrator(actorId)) {
      throw DomainException.forbidden("only administrators manage custom emoji");
    }
  }
}
