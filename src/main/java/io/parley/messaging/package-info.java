/**
 * Posting messages in one gap-free order per room, idempotent retries, changes, and reading
 * history. The store is seen through ports by need: {@code MessageHistory} (cached in memory by
 * {@code RecentMessages}), {@code ChangeLog}, {@code EditHistory}, {@code PinnedMessages} and
 * {@code MessagePurge}.
 */
package io.parley.messaging;
