package io.parley.threads;

import io.parley.common.Broadcast;

/** Thread activity, cluster-wide. */
public interface ThreadEvents extends Broadcast<ThreadActivity> {}
