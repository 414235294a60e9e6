package io.parley.later;

import io.parley.common.Broadcast;

/** Reminders fired and scheduled messages refused, cluster-wide. */
public interface LaterEvents extends Broadcast<LaterNotice> {}
