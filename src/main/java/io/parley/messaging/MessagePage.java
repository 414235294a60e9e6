package io.parley.messaging;

import java.util.List;

/** A page of history in seq order; {@code hasOlder} tells whether older messages exist. */
public record MessagePage(List<Message> messages, boolean hasOlder) {

  public long oldestSeq() {
    return messages.isEmpty() ? 0 : messages.get(0).seq();
  }

  public long newestSeq() {
    return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
  }
}
