package io.parley.messaging;

import io.parley.common.Broadcast;

/**
 * Stored messages announced to every node: published only after the message is durable, in seq
 * order per room (the room's sequencer publishes them).
 */
public interface MessageEvents extends Broadcast<Message> {}
