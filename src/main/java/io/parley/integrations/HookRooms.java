package io.parley.integrations;

import io.parley.common.DomainException;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.users.UserService;

/** What incoming and outgoing hooks share about their room and their bot. */
final class HookRooms {

  private final RoomService rooms;
  private final UserService users;

  HookRooms(RoomService rooms, UserService users) {
    this.rooms = rooms;
    this.users = users;
  }

  /**
   * The room, if the actor moderates it: not found if they cannot see it, forbidden if they can.
   */
  Room requireModerator(String actorId, String roomId) {
    Room room = rooms.access().visible(actorId, roomId);
    if (!rooms.access().canModerate(actorId, roomId)) {
      throw DomainException.forbidden("only the room's moderators manage its webhooks");
    }
    return room;
  }

  /** Checks that {@code actorId} manages a hook of the room: an administrator or its moderator. */
  void requireManager(String actorId, String roomId) {
    if (!users.isAdministrator(actorId)) {
      requireModerator(actorId, roomId);
    }
  }

  /** A new bot named {@code name}, added to the room by the moderator making its hook. */
  void addBot(String actorId, String roomId, String botId, String name) {
    users.createBot(botId, IncomingHooks.handle(name), name, actorId);
    rooms.memberships().addMember(actorId, roomId, botId);
  }

  /**
   * The hook's bot leaves its room (if it still can) and is retired; its messages keep its name.
   */
  void retireBot(String botId, String roomId) {
    try {
      rooms.memberships().leave(botId, roomId);
    } catch (DomainException roomGoneOrLeft) {
      // Nothing to leave: the room was deleted, or the bot removed from it by hand.
    }
    users.retireBot(botId);
  }
}
