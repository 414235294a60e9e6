package io.parley.presence;

import io.parley.common.Broadcast;

/** Typing told to every node: fire and forget, a lost one is an indicator a moment late. */
public interface TypingEvents extends Broadcast<Typing> {}
