package io.parley.search;

import java.time.Instant;

/** One message the index found: where it is, who wrote it, when, and the text around the match. */
public record SearchHit(
    String roomId,
    long seq,
    long threadOf,
    String senderId,
    Instant createdAt,
    float score,
    Snippet snippet) {}
