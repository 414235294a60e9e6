package io.parley.users;

import io.parley.common.DomainException;
import io.parley.common.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Keeps the user record in step with the identity provider's claims. */
public class UserService {

  private Consumer<String> welcome = id -> {};

  public static final int MAX_NAME = 60;
  public static final int MAX_STATUS = 140;

  private final UserDirectory users;
  private final AvatarStore avatars;
  private final Clock clock;
  private final Supplier<String> versions;
  private io.parley.audit.AuditLog audit = io.parley.audit.AuditLog.NONE;

  private java.util.function.Consumer<String> disconnect = id -> {};

  /** How a person's open sockets are closed on every node. */
  public void disconnectWith(java.util.function.Consumer<String> closeSocketsOf) {
    this.disconnect = closeSocketsOf;
  }

  /** An admin closes a person's open sockets everywhere (their pages reconnect). */
  public User disconnect(User actor, String username) {
    if (!isAdmin(actor)) {
      throw DomainException.forbidden("only administrators can do that");
    }
    User target = requireByUsername(username);
    disconnect.accept(target.id());
    audit.record(
        new io.parley.audit.AuditEntry(
            clock.instant(),
            "user.disconnected",
            actor.id(),
            target.id(),
            null,
            null,
            Map.of("username", target.username())));
    return target;
  }

  /** Where admins' acts on people are recorded. */
  public void auditWith(io.parley.audit.AuditLog log) {
    this.audit = log;
  }

  private Roles roles = Roles.NONE;
  private Consumer<String> revoked = id -> {};
  private VerifiedGroups verifiedGroups = VerifiedGroups.NONE;

  public UserService(
      UserDirectory users, AvatarStore avatars, Clock clock, Supplier<String> versions) {
    this.users = users;
    this.avatars = avatars;
    this.clock = clock;
    this.versions = versions;
  }

  /** Called on every sign-in and token use that carries claims: creates or refreshes the user. */
  public User signIn(UserClaims claims) {
    if (claims.subject() == null || claims.subject().isBlank()) {
      throw DomainException.invalid("token has no subject");
    }
    String username = Text.requireName(claims.username(), "username", 100);
    String idpName = Text.requireName(claims.displayName(), "display name", 100);
    User known = users.find(claims.subject()).orElse(null);
    if (known != null && known.bot()) {
      throw DomainException.forbidden("that account belongs to an integration and cannot sign in");
    }
    User user =
        known == null
            ? new User(claims.subject(), username, idpName, claims.groups(), clock.instant())
            : new User(
                claims.subject(),
                username,
                known.nameChosen() ? known.displayName() : idpName,
                claims.groups(),
                clock.instant(),
                known.status(),
                known.avatarVersion(),
                known.nameChosen(),
                known.disabled());
    save(user);
    if (known == null) {
      welcome.accept(user.id());
    }
    return user;
  }

  /** Told of everyone's first sign-in (to join them to the default rooms). */
  public void onFirstSignIn(Consumer<String> first) {
    this.welcome = first;
  }

  /**
   * Which groups make global admins and moderators, where the groups of verified tokens are kept,
   * and who is told when someone loses access (every node).
   */
  public void configure(Roles roles, VerifiedGroups verifiedGroups, Consumer<String> revoked) {
    this.roles = roles;
    this.verifiedGroups = verifiedGroups;
    this.revoked = revoked;
  }

  /** Whether the signed-in person (groups from the token of their request) is an admin. */
  public boolean isAdmin(User signedIn) {
    return roles.isAdmin(signedIn.groups());
  }

  /**
   * Whether the person is an administrator: by the groups of the token of the request acting as
   * them, or (a decision about someone else) of their last verified token.
   */
  public boolean isAdministrator(String userId) {
    return roles.isAdmin(groupsOf(userId));
  }

  /** Whether the person moderates every room (groups as for {@link #isAdministrator}). */
  public boolean isGlobalModerator(String userId) {
    return roles.isModerator(groupsOf(userId));
  }

  /** Whether a person's record shows them a guest (for a badge; decisions use {@link #isGuest}). */
  public boolean shownAsGuest(User u) {
    return u != null && roles.isGuest(u.groups());
  }

  /** Whether the person is a guest: they see only the rooms they were added to. */
  public boolean isGuest(String userId) {
    return roles.isGuest(groupsOf(userId));
  }

  private java.util.Set<String> groupsOf(String userId) {
    return ActingIdentity.groupsOf(userId).orElseGet(() -> verifiedGroups.of(userId));
  }

  /**
   * An admin withdraws (or gives back) a person's access. Withdrawn, every token of theirs is
   * refused and their open sockets are closed on every node.
   */
  public User setDisabled(User actor, String username, boolean disabled) {
    String actorId = actor.id();
    if (!isAdmin(actor)) {
      throw DomainException.forbidden("only administrators can do that");
    }
    User target = requireByUsername(username);
    if (target.id().equals(actorId)) {
      throw DomainException.invalid("you cannot disable yourself");
    }
    User updated = target.withDisabled(disabled);
    save(updated);
    if (disabled) {
      revoked.accept(updated.id());
    }
    audit.record(
        new io.parley.audit.AuditEntry(
            clock.instant(),
            disabled ? "user.access.withdrawn" : "user.access.restored",
            actorId,
            updated.id(),
            null,
            null,
            Map.of("username", updated.username())));
    return updated;
  }

  /** The person chose their display name and status line (empty clears it). */
  public User updateProfile(String userId, String displayName, String status) {
    String name = Text.requireName(displayName, "display name", MAX_NAME);
    String line =
        status == null || status.isBlank() ? "" : Text.requireName(status, "status", MAX_STATUS);
    User updated = require(userId).withProfile(name, line);
    save(updated);
    return updated;
  }

  /** Stores a new avatar (checked by {@link Avatar#of}) and points the profile at it. */
  public User setAvatar(String userId, byte[] image) {
    User user = require(userId);
    Avatar avatar = Avatar.of(image, versions.get());
    avatars.save(userId, avatar);
    User updated = user.withAvatar(avatar.version());
    save(updated);
    return updated;
  }

  /** Back to the initials. */
  public User removeAvatar(String userId) {
    User updated = require(userId).withAvatar(null);
    avatars.delete(userId);
    save(updated);
    return updated;
  }

  /**
   * Creates the account an integration posts as (its id chosen by the caller, its username from
   * {@code handle}, made unique), owned by {@code ownerId} (shown on its card); it never signs in.
   */
  public User createBot(String id, String handle, String displayName, String ownerId) {
    String name = Text.requireName(displayName, "name", MAX_NAME);
    String username = handle;
    for (int n = 2; users.findByUsername(username).isPresent(); n++) {
      username = handle + "-" + n;
    }
    String owner = users.find(ownerId).map(u -> "Bot of @" + u.username()).orElse("Bot");
    User bot = User.bot(id, username, name, owner, clock.instant());
    save(bot);
    return bot;
  }

  /** An integration's account is retired: its old messages keep its name; it posts no more. */
  public void retireBot(String id) {
    users.find(id).filter(User::bot).ifPresent(b -> save(b.withDisabled(true)));
  }

  private void save(User user) {
    users.save(user);
    shownCopies.remove(user.id());
  }

  public Optional<Avatar> avatar(String userId) {
    return avatars.find(userId);
  }

  public User require(String userId) {
    return users.find(userId).orElseThrow(() -> DomainException.notFound("no such user"));
  }

  /** People by username or name prefix, for the admin console (admins only: callers check). */
  public List<User> search(String prefix, int limit) {
    return users.search(prefix == null ? "" : prefix.strip(), Math.max(1, Math.min(limit, 200)));
  }

  public User requireByUsername(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(() -> DomainException.notFound("no user named " + username));
  }

  /**
   * People by id, for showing them (names, avatars, mentions): from this node's copy when it is
   * younger than {@link #DISPLAY_TTL}, so rendering a message never reads the store per viewer.
   * Changes made on this node show at once; on other nodes within the TTL.
   */
  public Map<String, User> byIds(Collection<String> ids) {
    Map<String, User> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    Instant fresh = clock.instant().minus(DISPLAY_TTL);
    for (String id : ids) {
      Shown shown = shownCopies.get(id);
      if (shown != null && shown.at().isAfter(fresh)) {
        if (shown.user() != null) {
          found.put(id, shown.user());
        }
      } else {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      Instant now = clock.instant();
      Map<String, User> loaded = users.findAll(missing);
      for (String id : missing) {
        // Someone without a record (an imported or purged sender) is remembered as such too:
        // otherwise every render of their messages read the store again.
        User user = loaded.get(id);
        if (user != null) {
          found.put(id, user);
        }
        shownCopies.put(id, new Shown(user, now));
      }
    }
    return found;
  }

  /** How long a copy of a person's record serves for showing them. */
  public static final Duration DISPLAY_TTL = Duration.ofSeconds(30);

  /** A person's record as shown, or null: no record (the id is remembered as unknown). */
  private record Shown(User user, Instant at) {}

  private final Map<String, Shown> shownCopies = new ConcurrentHashMap<>();
}
