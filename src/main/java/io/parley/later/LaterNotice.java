package io.parley.later;

/**
 * Something the person's open pages should say: a reminder fired, or a scheduled message could not
 * be sent ({@code detail} says why). Told to every node, whose pages of that person show it.
 */
public record LaterNotice(Kind kind, String userId, String roomId, long seq, String detail)
    implements java.io.Serializable {

  public enum Kind {
    REMINDER,
    NOT_SENT
  }
}
