package io.parley.integrations;

import java.time.Instant;

/**
 * A secret URL that posts into one room as the bot account {@code botId}. Only the SHA-256 of its
 * secret is kept ({@code secretHash}): the secret itself is shown once, when made or rotated.
 */
public record IncomingHook(
    String id,
    String roomId,
    String name,
    String botId,
    String secretHash,
    String createdBy,
    Instant createdAt,
    Instant secretSetAt) {

  /** The same hook with a new secret (its hash), set at {@code at}. */
  public IncomingHook withSecret(String hash, Instant at) {
    return new IncomingHook(id, roomId, name, botId, hash, createdBy, createdAt, at);
  }
}
