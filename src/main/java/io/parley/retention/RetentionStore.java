package io.parley.retention;

import java.util.List;
import java.util.Map;

/** Where retention settings, holds and each room's progress are kept. */
public interface RetentionStore {

  /** Rooms with their own retention, in days (0: forever). */
  Map<String, Integer> roomDays();

  /** Sets the room's retention in days (0: forever), or back to the default when null. */
  void setRoomDays(String roomId, Integer days);

  List<Hold> holds();

  void place(Hold hold);

  void lift(Hold.Kind kind, String targetId);

  /** The highest seq of the room already past retention (everything up to it was handled). */
  long floor(String roomId);

  void setFloor(String roomId, long seq);

  /** Forgets every room's floor, so the next run looks at every message again. */
  void resetFloors();
}
