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

  /** Adds the membership unless the user already is a member; returns the stored one. */
  Membership addMember(Membership membership);

  Optional<Membership> membership(String roomId, String userId);

  List<Membership> membershipsOf(String userId);

  List<Membership> members(String roomId);

  /** Replaces a membership's role and muted flag. */
  void updateMember(Membership membership);

  void removeMember(String roomId, String userId);

  void setBanned(String roomId, String userId, boolean banned);

  boolean isBanned(String roomId, String userId);

  void setMode(String roomId, RoomMode mode);

  void setModeratorsPin(String roomId, boolean moderatorsOnly);
}
