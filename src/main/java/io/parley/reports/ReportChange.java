package io.parley.reports;

import java.io.Serializable;

/**
 * A report filed or handled in a room, told to every node: moderators' queue counts change, and the
 * reporter of a handled one ({@code outcome} set) is told what happened.
 */
public record ReportChange(String roomId, String reporterId, String outcome)
    implements Serializable {}
