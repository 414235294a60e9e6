package io.parley.web;

import io.parley.messaging.MessageService;
import io.parley.presence.PresenceDirectory;
import io.parley.render.PageModels;
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
  @Inject io.parley.integrations.IncomingHooks hooks;
  @Inject io.parley.integrations.OutgoingHooks outgoing;

  /** People by username or name prefix: roles, status, presence, last sign-in. */
  List<PageModels.AdminPersonRow> people(String prefix) {
    List<PageModels.AdminPersonRow> rows = new ArrayList<>();
    for (User u : users.search(prefix, RESULTS)) {
      List<String> connections =
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
              .toList();
      rows.add(
          new PageModels.AdminPersonRow(
              u.username(),
              u.displayName(),
              roles(u),
              u.disabled() ? "withdrawn" : "active",
              u.disabled(),
              presence.stateOf(u.id()).name().toLowerCase(Locale.ROOT),
              connections,
              u.lastSignIn() == null ? "never" : u.lastSignIn().toString()));
    }
    return rows;
  }

  /** Every webhook, incoming then outgoing, with its room's name. */
  List<PageModels.AdminHookRow> hooks(String adminId) {
    List<io.parley.integrations.IncomingHook> in = hooks.all(adminId);
    List<io.parley.integrations.OutgoingHook> out = outgoing.all(adminId);
    List<String> makers = new ArrayList<>();
    in.forEach(h -> makers.add(h.createdBy()));
    out.forEach(h -> makers.add(h.createdBy()));
    Map<String, User> people = users.byIds(makers);
    List<PageModels.AdminHookRow> rows = new ArrayList<>();
    for (var h : in) {
      rows.add(
          hookRow(
              h.id(),
              "incoming",
              h.name(),
              h.roomId(),
              people.get(h.createdBy()),
              h.createdAt(),
              "/rooms/" + h.roomId() + "/hooks/" + h.id() + "/delete"));
    }
    for (var h : out) {
      rows.add(
          hookRow(
              h.id(),
              "outgoing → " + h.url(),
              h.name(),
              h.roomId(),
              people.get(h.createdBy()),
              h.createdAt(),
              "/rooms/" + h.roomId() + "/hooks/outgoing/" + h.id() + "/delete"));
    }
    return rows;
  }

  private PageModels.AdminHookRow hookRow(
      String id,
      String kind,
      String name,
      String roomId,
      User maker,
      java.time.Instant at,
      String deletePath) {
    return new PageModels.AdminHookRow(
        id,
        kind,
        name,
        roomId,
        rooms.listings().name(roomId).orElse("(deleted room)"),
        maker == null ? "someone" : maker.displayName(),
        at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(),
        deletePath);
  }

  private String roles(User u) {
    TreeSet<String> roles = new TreeSet<>();
    if (u.bot()) {
      roles.add("bot");
    }
    if (users.isGlobalModerator(u.id())) {
      roles.add("moderator");
    }
    roles.addAll(u.groups());
    return roles.isEmpty() ? "member" : String.join(", ", roles);
  }

  /** Named rooms by name prefix: owner, members, messages and messages per day since created. */
  List<PageModels.AdminRoomRow> rooms(String prefix) {
    List<Room> found = rooms.listings().search(prefix, RESULTS);
    Map<String, String> owners = new LinkedHashMap<>();
    users
        .byIds(found.stream().map(Room::createdBy).toList())
        .forEach((id, u) -> owners.put(id, u.username()));
    List<PageModels.AdminRoomRow> rows = new ArrayList<>();
    for (Room r : found) {
      long count = messages.lastSeq(r.id());
      double days = Math.max(1, Duration.between(r.createdAt(), clock.instant()).toHours() / 24.0);
      rows.add(
          new PageModels.AdminRoomRow(
              r.id(),
              r.name(),
              r.type().name().toLowerCase(Locale.ROOT),
              owners.getOrDefault(r.createdBy(), r.createdBy()),
              rooms.listings().memberCount(r.id()),
              count,
              String.format(Locale.ROOT, "%.1f", count / days),
              r.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
              r.slowModeSeconds(),
              r.archived(),
              r.createdAt().toString()));
    }
    return rows;
  }
}
