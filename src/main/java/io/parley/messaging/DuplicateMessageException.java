package io.parley.messaging;

/** The store refused a message because its seq or its clientMsgId already exists in the room. */
public class DuplicateMessageException extends RuntimeException {
  public DuplicateMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
