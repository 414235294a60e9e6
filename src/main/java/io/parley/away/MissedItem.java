package io.parley.away;

/**
 * A missed message as an email lists it: where (as the person sees the room), who wrote it, the
 * start of its text, and the path that opens the room at it.
 */
public record MissedItem(
    Missed.Kind kind, String room, String sender, String excerpt, String path, String atLabel) {}
