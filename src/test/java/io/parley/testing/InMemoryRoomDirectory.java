package io.parley.testing;

import io.parley.rooms.Membership;
import io.parley.rooms.Room;
import io.parley.rooms.RoomDirectory;
import io.parley.rooms.RoomType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Rooms and memberships in memory. */
public class InMemoryRoomDirectory implements RoomDirectory {

  private final Map<String, Room> rooms = new ConcurrentHashMap<>();
  private final Map<String, Membership> memberships = new ConcurrentHashMap<>();
  private final Map<String, io.parley.rooms.Ban> bans = new ConcurrentHashMap<>();

  @Override
  public void create(Room room) {
    if (room.directKey() != null && findByDirectKey(room.directKey()).isPresent()) {
      return;
    }
    rooms.put(room.id(), room);
  }

  @Override
  public Optional<Room> find(String roomId) {
    return Optional.ofNullable(rooms.get(roomId));
  }

  @Override
  public Optional<Room> findByDirectKey(String directKey) {
    return rooms.values().stream().filter(r -> directKey.equals(r.directKey())).findFirst();
  }

  @Override
  public List<Room> findAll(List<String> roomIds) {
    return roomIds.stream().map(rooms::get).filter(Objects::nonNull).toList();
  }

  @Override
  public List<Room> search(String prefix, int limit) {
    String p = prefix.toLowerCase(java.util.Locale.ROOT);
    return rooms.values().stream()
        .filter(r -> r.name() != null && r.name().toLowerCase(java.util.Locale.ROOT).startsWith(p))
        .sorted(Comparator.comparing(Room::name))
        .limit(limit)
        .toList();
  }

  @Override
  public List<Room> publicRooms(String prefix, int skip, int limit) {
    return rooms.values().stream()
        .filter(r -> r.type() == RoomType.PUBLIC && r.state() == io.parley.rooms.RoomState.ACTIVE)
        .filter(r -> r.name().toLowerCase().startsWith(prefix.toLowerCase()))
        .sorted(Comparator.comparing(r -> r.name().toLowerCase()))
        .skip(skip)
        .limit(limit)
        .toList();
  }

  @Override
  public List<String> roomIds() {
    return List.copyOf(rooms.keySet());
  }

  @Override
  public List<Room> publicRooms(int limit) {
    return rooms.values().stream()
        .filter(r -> r.type() == RoomType.PUBLIC)
        .sorted(Comparator.comparing(Room::name))
        .limit(limit)
        .toList();
  }

  @Override
  public Membership addMember(Membership m) {
    return memberships.computeIfAbsent(m.roomId() + ":" + m.userId(), k -> m);
  }

  @Override
  public Optional<Membership> membership(String roomId, String userId) {
    return Optional.ofNullable(memberships.get(roomId + ":" + userId));
  }

  @Override
  public List<Membership> membershipsOf(String userId) {
    return memberships.values().stream().filter(m -> m.userId().equals(userId)).toList();
  }

  @Override
  public List<Membership> members(String roomId) {
    return memberships.values().stream().filter(m -> m.roomId().equals(roomId)).toList();
  }

  @Override
  public void updateMember(Membership m) {
    memberships.replace(m.roomId() + ":" + m.userId(), m);
  }

  @Override
  public void removeMember(String roomId, String userId) {
    memberships.remove(roomId + ":" + userId);
  }

  @Override
  public void setBan(String roomId, String userId, io.parley.rooms.Ban ban) {
    if (ban == null) {
      bans.remove(roomId + ":" + userId);
    } else {
      bans.put(roomId + ":" + userId, ban);
    }
  }

  @Override
  public Optional<io.parley.rooms.Ban> ban(String roomId, String userId) {
    return Optional.ofNullable(bans.get(roomId + ":" + userId));
  }

  @Override
  public void setMode(String roomId, io.parley.rooms.RoomMode mode) {
    changed(roomId, r -> with(r, mode, r.moderatorsPin(), r.slowModeSeconds(), r.state()));
  }

  @Override
  public void setModeratorsPin(String roomId, boolean moderatorsOnly) {
    changed(roomId, r -> with(r, r.mode(), moderatorsOnly, r.slowModeSeconds(), r.state()));
  }

  @Override
  public void setState(String roomId, io.parley.rooms.RoomState state) {
    changed(roomId, r -> with(r, r.mode(), r.moderatorsPin(), r.slowModeSeconds(), state));
  }

  @Override
  public void setSlowMode(String roomId, int seconds) {
    changed(roomId, r -> with(r, r.mode(), r.moderatorsPin(), seconds, r.state()));
  }

  private void changed(String roomId, java.util.function.UnaryOperator<Room> change) {
    rooms.computeIfPresent(roomId, (id, r) -> change.apply(r));
  }

  private static Room with(
      Room r,
      io.parley.rooms.RoomMode mode,
      boolean pins,
      int slow,
      io.parley.rooms.RoomState state) {
    return new Room(
        r.id(),
        r.name(),
        r.type(),
        r.createdBy(),
        r.createdAt(),
        r.directKey(),
        mode,
        pins,
        slow,
        state,
        r.topic());
  }

  @Override
  public void rename(String roomId, String name) {
    Room r = rooms.get(roomId);
    rooms.put(roomId, named(r, name, r.topic()));
  }

  @Override
  public void setTopic(String roomId, String topic) {
    Room r = rooms.get(roomId);
    rooms.put(roomId, named(r, r.name(), topic));
  }

  private static Room named(Room r, String name, String topic) {
    return new Room(
        r.id(),
        name,
        r.type(),
        r.createdBy(),
        r.createdAt(),
        r.directKey(),
        r.mode(),
        r.moderatorsPin(),
        r.slowModeSeconds(),
        r.state(),
        topic);
  }
}
