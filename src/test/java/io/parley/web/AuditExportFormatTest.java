package io.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.audit.AuditEntry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditExportFormatTest {

  private final AuditEntry entry =
      new AuditEntry(
          Instant.parse("2026-11-29T10:00:00Z"),
          "room.ban",
          "ada",
          "eve",
          "r1",
          "=cmd|' /C calc'!A0",
          Map.of("until", "2026-11-29T11:00:00Z", "note", "said \"hi\", twice"),
          "node-1",
          "10.0.0.7");

  @Test
  void csvFieldsAreQuotedAndFormulasDefused() {
    assertEquals(
        "2026-11-29T10:00:00Z,room.ban,ada,eve,r1,'=cmd|' /C calc'!A0,"
            + "\"note=said \"\"hi\"\", twice; until=2026-11-29T11:00:00Z\",node-1,10.0.0.7\r\n",
        AuditExportFormat.csvLine(entry));
    assertEquals("'-1", AuditExportFormat.csv("-1"));
    assertEquals("", AuditExportFormat.csv(null));
  }

  @Test
  void jsonLinesAreOneObjectPerLine() {
    assertEquals(
        "{\"at\":\"2026-11-29T10:00:00Z\",\"action\":\"room.ban\",\"actorId\":\"ada\","
            + "\"targetId\":\"eve\",\"roomId\":\"r1\",\"reason\":\"=cmd|' /C calc'!A0\","
            + "\"detail\":{\"note\":\"said \\\"hi\\\", twice\",\"until\":\"2026-11-29T11:00:00Z\"},"
            + "\"node\":\"node-1\",\"client\":\"10.0.0.7\"}\n",
        AuditExportFormat.jsonLine(entry));
  }
}
