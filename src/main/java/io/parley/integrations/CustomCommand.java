package io.parley.integrations;

import java.time.Instant;

/**
 * A command administrators add to every composer: {@code /name text} calls {@code url} (signed with
 * {@code secret}, like outgoing webhooks) and shows its answer to the person who typed it.
 */
public record CustomCommand(
    String name,
    String description,
    String url,
    String secret,
    String createdBy,
    Instant createdAt) {}
