package io.parley.users;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.common.DomainException;
import io.parley.common.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * User groups for {@code @handle} mentions: local groups made and filled by administrators and
 * global moderators, and groups of the identity provider mapped to a handle by administrators.
 * Mentioning a group notifies those of its members who are in the room. Members are read at most
 * every {@link #FRESH} per group on each node (a change made on this node shows at once).
 */
public final class UserGroups {

  public static final int MAX_MEMBERS = 1_000;
  static final Duration FRESH = Duration.ofSeconds(30);
  private static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
  private static final Set<String> RESERVED = Set.of("room", "here", "all", "everyone", "channel");

  private record Known(Set<String> members, Instant at) {}

  private final GroupStore store;
  private final UserDirectory people;
  private final UserService users;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  public UserGroups(
      GroupStore store, UserDirectory people, UserService users, AuditLog audit, Clock clock) {
    this.store = store;
    this.people = people;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A new group: local (no {@code idpGroup}; administrators and global moderators) or mapped to an
   * identity provider's group (administrators).
   */
  public UserGroup create(String actorId, String handle, String name, String idpGroup) {
    boolean mapped = idpGroup != null && !idpGroup.isBlank();
    if (mapped ? !users.isAdministrator(actorId) : !mayManage(actorId)) {
      throw DomainException.forbidden(
          mapped
              ? "only administrators map identity provider groups"
              : "only administrators and global moderators make groups");
    }
    String h = requireHandle(handle);
    if (store.find(h).isPresent()) {
      throw DomainException.conflict("there is a group @" + h + " already");
    }
    if (people.findByUsername(h).isPresent()) {
      throw DomainException.conflict("@" + h + " is someone's username: choose another handle");
    }
    UserGroup group =
        new UserGroup(
            h,
            Text.requireName(name, "name", 80),
            Set.of(),
            mapped ? Text.requireName(idpGroup, "identity provider group", 200) : null,
            actorId,
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    store.save(group);
    record("group.created", actorId, null, group);
    return group;
  }

  /** Adds or removes a person of a local group. */
  public UserGroup setMember(String actorId, String handle, String username, boolean member) {
    UserGroup group = requireManaged(actorId, handle);
    if (group.mapped()) {
      throw DomainException.invalid(
          "@" + group.handle() + " follows the identity provider's group");
    }
    User person = users.requireByUsername(username);
    Set<String> members = new HashSet<>(group.memberIds());
    boolean changed = member ? members.add(person.id()) : members.remove(person.id());
    if (members.size() > MAX_MEMBERS) {
      throw DomainException.conflict("a group has at most " + MAX_MEMBERS + " members");
    }
    if (!changed) {
      return group;
    }
    UserGroup updated = group.withMembers(members);
    store.save(updated);
    known.remove(updated.handle());
    record(member ? "group.member-added" : "group.member-removed", actorId, person.id(), updated);
    return updated;
  }

  public void delete(String actorId, String handle) {
    UserGroup group = requireManaged(actorId, handle);
    store.delete(group.handle());
    known.remove(group.handle());
    record("group.deleted", actorId, null, group);
  }

  /** Every group (everyone may see them, to mention them). */
  public List<UserGroup> all() {
    return store.all();
  }

  /** The groups a person is in (their profile card). */
  public List<UserGroup> of(String userId) {
    return store.all().stream().filter(g -> membersOf(g).contains(userId)).toList();
  }

  /** The members of each group among {@code handles} (lower-case, without "@"); others absent. */
  public Map<String, Set<String>> members(Set<String> handles) {
    Map<String, Set<String>> found = new HashMap<>();
    for (String handle : handles) {
      Known k = known.get(handle);
      if (k != null && k.at().isAfter(clock.instant().minus(FRESH))) {
        if (k.members() != null) {
          found.put(handle, k.members());
        }
        continue;
      }
      Set<String> members = store.find(handle).map(this::membersOf).orElse(null);
      if (known.size() > 10_000) {
        known.clear(); // handles are whatever people type: never let them pile up
      }
      known.put(handle, new Known(members, clock.instant()));
      if (members != null) {
        found.put(handle, members);
      }
    }
    return found;
  }

  private Set<String> membersOf(UserGroup g) {
    return g.mapped() ? Set.copyOf(people.idsInGroup(g.idpGroup())) : g.memberIds();
  }

  private UserGroup requireManaged(String actorId, String handle) {
    UserGroup group =
        store
            .find(String.valueOf(handle).toLowerCase(Locale.ROOT))
            .orElseThrow(() -> DomainException.notFound("no group @" + handle));
    if (group.mapped() ? !users.isAdministrator(actorId) : !mayManage(actorId)) {
      throw DomainException.forbidden("only administrators and global moderators manage groups");
    }
    return group;
  }

  private boolean mayManage(String actorId) {
    return users.isAdministrator(actorId) || users.isGlobalModerator(actorId);
  }

  private static String requireHandle(String handle) {
    String h = String.valueOf(handle).strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
    if (!HANDLE.matcher(h).matches() || RESERVED.contains(h)) {
      throw DomainException.invalid(
          "a handle is 2-40 characters of a-z, 0-9, '.', '_', '-' (not room, here, all)");
    }
    return h;
  }

  private void record(String action, String actorId, String targetId, UserGroup group) {
    audit.record(
        new AuditEntry(
            clock.instant(),
            action,
            actorId,
            targetId,
            null,
            null,
            Map.of("group", group.handle())));
  }
}
