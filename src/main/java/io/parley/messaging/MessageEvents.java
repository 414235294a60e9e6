package io.parley.messaging;

import io.parley.common.Broadcast;

/**
 * Stored messages and changes announced to every node: published only after they are durable, in
 * seq (and rev) order per room, on one channel so a change never overtakes its message (the room's
 * sequencer publishes them).
 */
public interface MessageEvents extends Broadcast<RoomEvent> {}
