package io.parley.render;

/**
 * A room as the sidebar and room header show it. In a one-to-one conversation {@code peer} is the
 * other person's presence, so the direct-message list shows who is around.
 */
public record RoomView(
    String id,
    String title,
    String type,
    long unread,
    long mentions,
    boolean direct,
    MemberView peer) {}
