/**
 * Hazelcast adapter: the embedded member, per-room sequencing on the partition owner, and
 * cross-node fan-out.
 */
package io.parley.cluster;
