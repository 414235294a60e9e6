package io.parley.presence;

import java.time.Instant;

/**
 * One socket's life, kept for operators: which node held it, whose it was, where it came from, when
 * it opened and closed, and how it closed (WebSocket close code and reason). {@code closedAt} and
 * {@code closeCode} are null while it is open (or when its node died before writing them).
 */
public record ConnectionRecord(
    String id,
    String node,
    String userId,
    String client,
    Instant openedAt,
    Instant closedAt,
    Integer closeCode,
    String closeReason) {}
