package io.parley.ws;

import io.parley.render.LiveFragments;
import io.parley.render.RoomViews;
import io.parley.rooms.Membership;
import io.parley.rooms.MembershipChange;
import io.parley.rooms.MembershipEvents;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * When someone becomes a member of a room (a new DM, a join in another tab), their open pages start
 * following it and show the new sidebar, without a reload.
 */
@ApplicationScoped
public class MembershipFeed extends Feed {

  private static final Logger LOG = Logger.getLogger(MembershipFeed.class.getName());

  @Inject MembershipEvents events;
  @Inject LiveConnections connections;
  @Inject RoomService rooms;
  @Inject RoomViews views;
  @Inject LiveFragments fragments;

  @Override
  protected void follow() {
    on(
        events::subscribe,
        MembershipChange::roomId,
        this::joined); // ordered with the room's messages
  }

  void joined(MembershipChange joined) {
    rooms.memberLists().membersChanged(joined.roomId());
    refreshMemberLists(joined.roomId());
    if (joined.left()) {
      removed(joined.roomId(), joined.userIds(), joined.kind());
      return;
    }
    if (joined.kind() == MembershipChange.Kind.STANDING) {
      standingChanged(joined.roomId(), joined.userIds());
      return;
    }
    if (joined.kind() == MembershipChange.Kind.DESCRIBED) {
      described(joined.roomId());
      return;
    }
    for (LiveConnection connection : connections.all()) {
      if (!joined.userIds().contains(connection.userId())
          || connection.rooms().contains(joined.roomId())) {
        continue;
      }
      try {
        Room room = rooms.access().visible(connection.userId(), joined.roomId());
        Set<String> peers =
            room.type() == RoomType.DIRECT
                ? rooms.memberLists().members(room.id()).stream()
                    .map(Membership::userId)
                    .collect(Collectors.toSet())
                : Set.of();
        connection.joined(room.id(), peers);
        connections.index(connection, room.id());
        connection.send(fragments.sidebar(connection.userId()));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not add room " + joined.roomId() + " to a page", e);
      }
    }
  }

  /**
   * The person's tabs stop receiving the room at once and are told why: a moderator removed them,
   * or the room was deleted (leaving it themselves needs no notice).
   */
  private void removed(String roomId, java.util.List<String> userIds, MembershipChange.Kind why) {
    for (LiveConnection connection : connections.all()) {
      if (userIds.contains(connection.userId()) && connection.rooms().contains(roomId)) {
        connection.left(roomId);
        connections.unindex(connection, roomId);
        connection.send(fragments.sidebar(connection.userId()));
        if (why == MembershipChange.Kind.LEFT) {
          connection.send(fragments.error("You were removed from this room by a moderator.", null));
        } else if (why == MembershipChange.Kind.ROOM_DELETED) {
          connection.send(fragments.error("This room was deleted.", null));
        }
      }
    }
  }

  /**
   * The composers of the people concerned (everyone in the room when no one is named) show what
   * they may do now: muted until when, or the room's new slow mode.
   */
  private void standingChanged(String roomId, java.util.List<String> userIds) {
    java.util.Map<String, String> byUser = new java.util.HashMap<>();
    for (LiveConnection c : connections.inRoom(roomId)) {
      if (!c.watches(roomId) || !(userIds.isEmpty() || userIds.contains(c.userId()))) {
        continue;
      }
      try {
        c.send(byUser.computeIfAbsent(c.userId(), u -> fragments.standing(roomId, u)));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not redraw a composer in room " + roomId, e);
      }
    }
  }

  /** Tabs following the room show its new name in the sidebar, and in the header if open. */
  private void described(String roomId) {
    try {
      String header = null;
      java.util.Map<String, String> sidebars = new java.util.HashMap<>();
      for (LiveConnection c : connections.inRoom(roomId)) {
        c.send(sidebars.computeIfAbsent(c.userId(), fragments::sidebar));
        if (c.watches(roomId)) {
          if (header == null) { // read once, as one of the people following it sees it
            header = fragments.described(rooms.access().visible(c.userId(), roomId));
          }
          c.send(header);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not show the new name of room " + roomId, e);
    }
  }

  /** Tabs watching the room show the new member list (and follow the newcomers' presence). */
  private void refreshMemberLists(String roomId) {
    var watchers = connections.inRoom(roomId).stream().filter(c -> c.watches(roomId)).toList();
    if (watchers.isEmpty()) {
      return;
    }
    try {
      var members = views.members(roomId);
      Set<String> ids = members.stream().map(m -> m.userId()).collect(Collectors.toSet());
      String html = fragments.members(roomId, members);
      for (LiveConnection watcher : watchers) {
        watcher.membersChanged(roomId, ids);
        watcher.send(html);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not refresh the member list of room " + roomId, e);
    }
  }
}
