package io.parley.reports;

import io.parley.common.Broadcast;

/** Reports filed and handled, told to every node (at most once: a lost one shows on reload). */
public interface ReportEvents extends Broadcast<ReportChange> {}
