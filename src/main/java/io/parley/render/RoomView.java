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
    MemberView peer,
    String notifyLevel) {

  /** The same room with the viewer's notification choice (default, all, mentions, nothing). */
  public RoomView withNotify(String level) {
    return new RoomView(id, title, type, unread, mentions, direct, peer, level);
  }
}
