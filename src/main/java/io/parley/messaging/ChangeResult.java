package io.parley.messaging;

import java.io.Serializable;

/**
 * The message as a change left it; {@code change} is null when a retry found the change already
 * made (then {@code message} is the current state).
 */
public record ChangeResult(Message message, MessageChange change) implements Serializable {

  public boolean duplicate() {
    return change == null;
  }
}
