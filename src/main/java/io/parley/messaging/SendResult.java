package io.parley.messaging;

import java.io.Serializable;

/** The stored message, and whether it was stored by an earlier send with the same clientMsgId. */
public record SendResult(Message message, boolean duplicate) implements Serializable {}
