package io.parley.retention;

import io.parley.common.Broadcast;

/** Purges announced to every node, so each drops the messages from its index and caches. */
public interface Purges extends Broadcast<Purge> {}
