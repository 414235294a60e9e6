/** Posting messages in one gap-free order per room, idempotent retries, and reading history. */
package io.parley.messaging;
