package io.parley.messaging;

/**
 * The message store's parts, for the services that use several of them: the messages, their change
 * log, earlier versions, pins and purge. Each caller otherwise asks only for the part it needs.
 */
public record MessageStores(
    MessageHistory history,
    ChangeLog changes,
    EditHistory edits,
    PinnedMessages pins,
    MessagePurge purge) {

  /** All parts from one object that keeps them all (an in-memory store, in tests). */
  public static <S extends MessageHistory & ChangeLog & EditHistory & PinnedMessages & MessagePurge>
      MessageStores of(S all) {
    return new MessageStores(all, all, all, all, all);
  }
}
