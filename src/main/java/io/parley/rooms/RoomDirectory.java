package io.parley.rooms;

import java.util.List;
import java.util.Optional;

/** Where rooms and memberships are kept. */
public interface RoomDirectory {

  void create(Room room);

  Optional<Room> find(String roomId);

  Optional<Room> findByDirectKey(String directKey);

  List<Room> findAll(List<String> roomIds);

  List<Room> publicRooms(int limit);

  /**
   * Active public rooms whose name starts with {@code prefix} (any case; empty: all), by name,
   * skipping the first {@code skip}.
   */
  List<Room> publicRooms(String prefix, int skip, int limit);

  /** The id of every room ever created (deleted ones too), for jobs that visit them all. */
  List<String> roomIds();

  /** Named rooms (public and private) whose name starts with {@code prefix} (any case). */
  List<Room> search(String prefix, int limit);

  /** Adds the membership unless the user already is a member; returns the stored one. */
  Membership addMember(Membership membership);

  Optional<Membership> membership(String roomId, String userId);

  List<Membership> membershipsOf(String userId);

  List<Membership> members(String roomId);

  /** Replaces a membership's role and mute (with its expiry). */
  void updateMember(Membership membership);

  void removeMember(String roomId, String userId);

  /** Bans the person (replacing any earlier ban), or lifts their ban when {@code ban} is null. */
  void setBan(String roomId, String userId, Ban ban);

  /** The person's ban from the room, expired or not. */
  Optional<Ban> ban(String roomId, String userId);

  void setMode(String roomId, RoomMode mode);

  /** A new name (the caller checked it). */
  void rename(String roomId, String name);

  /** What the room is about; null removes it. */
  void setTopic(String roomId, String topic);

  void setModeratorsPin(String roomId, boolean moderatorsOnly);

  void setState(String roomId, RoomState state);

  /** Seconds between one person's messages; 0 turns slow mode off. */
  void setSlowMode(String roomId, int seconds);
}
