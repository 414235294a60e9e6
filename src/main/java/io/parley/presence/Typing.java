package io.parley.presence;

import java.io.Serializable;
import java.time.Instant;

/** A typing event: the user typed in the room's composer at the given time. */
public record Typing(String roomId, String userId, String name, Instant at)
    implements Serializable {}
