package io.parley.integrations;

/** What an outgoing hook is sent about one message (its JSON body; see docs/api.md). */
public record HookEvent(
    String event,
    String hookId,
    String deliveryId,
    String roomId,
    String roomName,
    long seq,
    long threadOf,
    String senderId,
    String senderUsername,
    String senderName,
    String text,
    String trigger,
    String createdAt) {}
