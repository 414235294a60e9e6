/**
 * Custom emoji: pictures administrators add under a {@code :name:}, usable in messages and
 * reactions. Domain code only: the store is a port.
 */
package io.parley.emoji;
