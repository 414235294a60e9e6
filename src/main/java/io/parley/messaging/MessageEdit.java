package io.parley.messaging;

import java.io.Serializable;
import java.time.Instant;

/** An earlier version of an edited message, kept for the room's moderators. */
public record MessageEdit(String editorId, Instant at, String previousBody)
    implements Serializable {}
