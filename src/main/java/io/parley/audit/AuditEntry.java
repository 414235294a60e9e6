package io.parley.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One act: {@code action} names it ("message.removed", "room.ban", …), {@code actorId} did it to
 * {@code targetId} (a person; may be null) in {@code roomId} (may be null) for {@code reason};
 * {@code detail} keeps what the act destroyed or changed (a removed message's text). The log adds
 * {@code node} (which server recorded it) and {@code client} (the address the act came from).
 */
public record AuditEntry(
    Instant at,
    String action,
    String actorId,
    String targetId,
    String roomId,
    String reason,
    Map<String, String> detail,
    String node,
    String client) {

  public AuditEntry {
    detail = detail == null ? Map.of() : Map.copyOf(detail);
  }

  public AuditEntry(
      Instant at,
      String action,
      String actorId,
      String targetId,
      String roomId,
      String reason,
      Map<String, String> detail) {
    this(at, action, actorId, targetId, roomId, reason, detail, null, null);
  }
}
