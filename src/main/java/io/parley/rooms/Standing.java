package io.parley.rooms;

import java.time.Instant;

/**
 * What one person may do in a room's composer now: post or not, and why not (muted, until when; a
 * read-only room), and the room's slow mode.
 */
public record Standing(
    boolean member,
    boolean canPost,
    boolean muted,
    Instant mutedUntil,
    boolean readOnly,
    int slowModeSeconds,
    boolean slowModeExempt,
    boolean archived) {}
