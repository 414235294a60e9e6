package io.parley.render;

/** One report as a queue or "my reports" page shows it. */
public record ReportView(
    String id,
    String roomId,
    String roomTitle,
    MessageView message,
    String author,
    String reporter,
    String reason,
    String at,
    String status,
    String outcome) {}
