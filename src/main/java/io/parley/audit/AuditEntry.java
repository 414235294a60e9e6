package io.parley.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One act: {@code action} names it ("message.removed", "room.ban", …), {@code actorId} did it to
 * {@code targetId} (a person; may be null) in {@code roomId} (may be null) for {@code reason};
 * {@code detail} keeps what the act destroyed or changed (a removed message's text).
 */
public record AuditEntry(
    Instant at,
    String action,
    String actorId,
    String targetId,
    String roomId,
    String reason,
    Map<String, String> detail) {

  public AuditEntry {
    detail = detail == null ? Map.of() : Map.copyOf(detail);
  }
}
