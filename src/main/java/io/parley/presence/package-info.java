/**
 * Ephemeral state of people: who is typing where. Kept in memory and Hazelcast, never in MongoDB.
 */
package io.parley.presence;
