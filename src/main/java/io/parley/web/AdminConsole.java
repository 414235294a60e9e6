package io.parley.web;

import io.parley.messaging.MessageService;
import io.parley.presence.PresenceDirectory;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The people and rooms sections of the admin console: search results with what admins act on. */
@ApplicationScoped
public class AdminConsole {

  static final int RESULTS = 50;

  @Inject UserService users;
  @Inject RoomService rooms;
  @Inject MessageService messages;
  @Inject PresenceDirectory presence;
  @Inject Clock clock;

  /** People by username or name prefix: roles, status, presence, last sign-in. */
  List<Map<String, Object>> people(String prefix) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (User u : users.search(prefix, RESULTS)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("username", u.username());
      row.put("name", u.displayName());
      row.put("roles", roles(u));
      row.put("status", u.disabled() ? "withdrawn" : "active");
      row.put("disabled", u.disabled());
      row.put("presence", presence.stateOf(u.id()).name().toLowerCase(Locale.ROOT));
      row.put(
          "connections",
          presence.connectionsOf(u.id()).stream()
              .map(
                  c ->
                      c.node()
                          + " · "
                          + (c.client() == null ? "client unknown" : c.client())
                          + " · "
                          + c.state().name().toLowerCase(Locale.ROOT)
                          + " since "
                          + java.time.Instant.ofEpochMilli(c.since() > 0 ? c.since() : c.at())
                              .truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
              .toList());
      row.put("lastSignIn", u.lastSignIn() == null ? "never" : u.lastSignIn().toString());
      rows.add(row);
    }
    return rows;
  }

  private String roles(User u) {
    TreeSet<String> roles = new TreeSet<>();
    if (users.isGlobalModerator(u.id())) {
      roles.add("moderator");
    }
    roles.addAll(u.groups());
    return roles.isEmpty() ? "member" : String.join(", ", roles);
  }

  /** Named rooms by name prefix: owner, members, messages and messages per day since created. */
  List<Map<String, Object>> rooms(String prefix) {
    List<Room> found = rooms.search(prefix, RESULTS);
    Map<String, String> owners = new LinkedHashMap<>();
    users
        .byIds(found.stream().map(Room::createdBy).toList())
        .forEach((id, u) -> owners.put(id, u.username()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Room r : found) {
      long count = messages.lastSeq(r.id());
      double days = Math.max(1, Duration.between(r.createdAt(), clock.instant()).toHours() / 24.0);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.id());
      row.put("name", r.name());
      row.put("type", r.type().name().toLowerCase(Locale.ROOT));
      row.put("owner", owners.getOrDefault(r.createdBy(), r.createdBy()));
      row.put("members", rooms.memberCount(r.id()));
      row.put("messages", count);
      row.put("perDay", String.format(Locale.ROOT, "%.1f", count / days));
      row.put("mode", r.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      row.put("slowMode", r.slowModeSeconds());
      row.put("archived", r.archived());
      row.put("created", r.createdAt().toString());
      rows.add(row);
    }
    return rows;
  }
}
