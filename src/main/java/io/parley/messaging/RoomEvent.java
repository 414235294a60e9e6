package io.parley.messaging;

/**
 * What the room's sequencer announces, in order: a new message, or a change to one. Both travel on
 * the same topic so a change never overtakes the message it changes.
 */
public sealed interface RoomEvent permits Message, MessageChange {

  String roomId();
}
