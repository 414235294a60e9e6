package io.parley.rooms;

/** Someone who may post in a room now: the room and their membership, as read for the decision. */
public record Poster(Room room, Membership membership) {}
