package io.parley.messaging;

/** Announces stored messages to every node, in each room's order. */
public interface MessageEvents {

  /** Called only after the message is durable, in seq order per room. */
  void posted(Message message);
}
