package io.parley.messaging;

import java.util.Set;

/** Formats a body once, when it is posted or edited; the result is stored with the message. */
@FunctionalInterface
public interface BodyFormat {
  BodyFormat NONE = (body, mentioned) -> null;

  /**
   * @param mentioned the handles (lower-cased usernames) the body mentions, to highlight
   */
  String html(String body, Set<String> mentioned);
}
