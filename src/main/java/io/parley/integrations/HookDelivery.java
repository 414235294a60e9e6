package io.parley.integrations;

import java.time.Instant;

/**
 * One attempt to deliver message {@code seq} to an outgoing hook: the receiver's HTTP status (0
 * when no answer came), how long it took, and what went wrong if anything.
 */
public record HookDelivery(
    String hookId,
    String deliveryId,
    long seq,
    int attempt,
    Instant at,
    int status,
    long millis,
    String error) {

  public boolean succeeded() {
    return status >= 200 && status < 300;
  }
}
