package io.parley.emoji;

import java.time.Instant;

/** A custom emoji: its name (used as {@code :name:}), who added it and when. */
public record CustomEmoji(String name, String createdBy, Instant createdAt) {}
