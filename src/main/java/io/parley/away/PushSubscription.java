package io.parley.away;

import java.time.Instant;

/**
 * One browser's push subscription: where its push service takes messages ({@code endpoint}), the
 * browser's public key ({@code p256dh}, 65 bytes) and auth secret (16 bytes), both Base64url, and a
 * label for the person's list of devices.
 */
public record PushSubscription(
    String id,
    String userId,
    String endpoint,
    String p256dh,
    String auth,
    String label,
    Instant createdAt) {}
