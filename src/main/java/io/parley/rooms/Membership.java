package io.parley.rooms;

import java.time.Instant;

/** A user's membership of a room. */
public record Membership(String roomId, String userId, RoomRole role, Instant joinedAt) {}
