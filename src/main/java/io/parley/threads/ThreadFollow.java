package io.parley.threads;

import java.time.Instant;

/** A thread a person follows, by its room and first message, and when it last had a reply. */
public record ThreadFollow(String userId, String roomId, long parentSeq, Instant lastActivityAt) {}
