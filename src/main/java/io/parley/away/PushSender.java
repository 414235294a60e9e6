package io.parley.away;

/** Delivers a notification to one browser through its push service (Web Push). */
public interface PushSender {

  /** What a notification shows: a title, a line, and the page a click opens. */
  record Notification(String title, String body, String path, String tag) {}

  /**
   * Sends it and answers the push service's HTTP status (404 and 410: the subscription is gone);
   * throws when the push service cannot be reached or may not be called.
   */
  int send(PushSubscription to, Notification notification) throws java.io.IOException;
}
