package io.parley.search;

import java.time.Instant;

/** Where a message is kept, and when it was written: enough to read it from the store. */
public record MessageRef(String roomId, long seq, Instant createdAt) {}
