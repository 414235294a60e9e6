package io.parley.audit;

import java.time.Instant;

/**
 * Which audit entries to show: each filter is optional (null); {@code action} matches a whole
 * action or a prefix ending in a dot ("room." for every room act). Newest first, {@code page} of
 * {@code size}.
 */
public record AuditQuery(
    String actorId,
    String targetId,
    String roomId,
    String action,
    Instant from,
    Instant to,
    int page,
    int size) {

  public static final int MAX_SIZE = 500;

  public AuditQuery {
    page = Math.max(0, page);
    size = Math.max(1, Math.min(size, MAX_SIZE));
  }

  /** The same filters, another page. */
  public AuditQuery page(int newPage, int newSize) {
    return new AuditQuery(actorId, targetId, roomId, action, from, to, newPage, newSize);
  }

  public static AuditQuery newest(int size) {
    return new AuditQuery(null, null, null, null, null, null, 0, size);
  }

  /** Whether {@code e} passes the filters (the store's query says the same). */
  public boolean matches(AuditEntry e) {
    return (actorId == null || actorId.equals(e.actorId()))
        && (targetId == null || targetId.equals(e.targetId()))
        && (roomId == null || roomId.equals(e.roomId()))
        && (action == null
            || (action.endsWith(".") ? e.action().startsWith(action) : action.equals(e.action())))
        && (from == null || !e.at().isBefore(from))
        && (to == null || e.at().isBefore(to));
  }
}
