package io.parley.rooms;

import java.util.Comparator;
import java.util.List;

/** Rooms listed: a person's own, the directory, the admin console's search, all of them. */
public final class RoomListings {

  private final RoomDirectory rooms;

  private final java.util.function.Predicate<String> guest;

  public RoomListings(RoomContext context) {
    this.guest = context.guest();
    this.rooms = context.rooms();
  }

  /** The rooms the user belongs to, named rooms first by name, then direct conversations. */
  public List<Room> roomsOf(String userId) {
    List<String> ids = rooms.membershipsOf(userId).stream().map(Membership::roomId).toList();
    return rooms.findAll(ids).stream()
        .filter(r -> r.state() != RoomState.DELETED)
        .sorted(
            Comparator.comparing((Room r) -> r.type().isDirect())
                .thenComparing(r -> r.name() == null ? "" : r.name().toLowerCase()))
        .toList();
  }

  /** Named rooms by name prefix, for the admin console (admins only: callers check). */
  public List<Room> search(String prefix, int limit) {
    return rooms.search(prefix == null ? "" : prefix.strip(), Math.max(1, Math.min(limit, 200)));
  }

  /** A named room's name, for the admin console, unless the room is gone. */
  public java.util.Optional<String> name(String roomId) {
    return rooms.find(roomId).filter(r -> r.state() != RoomState.DELETED).map(Room::name);
  }

  /** The room's members as stored now (not this node's copy), for the admin console. */
  public int memberCount(String roomId) {
    return rooms.members(roomId).size();
  }

  /** A page of the room directory: active public rooms by name prefix, and whether more follow. */
  public record DirectoryPage(List<Room> rooms, boolean hasMore) {}

  public DirectoryPage directory(String prefix, int page, int size) {
    int p = Math.max(1, Math.min(page, 1_000));
    List<Room> found =
        rooms.publicRooms(prefix == null ? "" : prefix.strip(), (p - 1) * size, size + 1);
    return new DirectoryPage(found.subList(0, Math.min(size, found.size())), found.size() > size);
  }

  /** Every room's id, deleted ones too (for the search index and retention, which visit all). */
  public List<String> allRoomIds() {
    return rooms.roomIds();
  }

  public List<Room> publicRooms() {
    return rooms.publicRooms(200).stream().filter(r -> r.state() == RoomState.ACTIVE).toList();
  }

  /** The public rooms a person is offered: none for a guest. */
  public List<Room> publicRoomsFor(String userId) {
    return guest.test(userId) ? List.of() : publicRooms();
  }
}
