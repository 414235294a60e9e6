package io.parley.later;

import java.time.Instant;

/** A message a person saved, by its place in its room. */
public record SavedMessage(String userId, String roomId, long seq, Instant savedAt) {}
