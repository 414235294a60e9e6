package io.parley.web;

import io.parley.audit.AuditEntry;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** One audit entry as a line of the CSV or JSON Lines export, and its detail as shown. */
final class AuditExportFormat {

  static final String CSV_HEADER = "at,action,actor,target,room,reason,detail,node,client\r\n";

  private AuditExportFormat() {}

  static String detailText(AuditEntry e) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(e.detail()).forEach((k, v) -> parts.add(k + "=" + v));
    return String.join("; ", parts);
  }

  static String csvLine(AuditEntry e) {
    return String.join(
            ",",
            csv(e.at().toString()),
            csv(e.action()),
            csv(e.actorId()),
            csv(e.targetId()),
            csv(e.roomId()),
            csv(e.reason()),
            csv(detailText(e)),
            csv(e.node()),
            csv(e.client()))
        + "\r\n";
  }

  /**
   * One CSV field (RFC 4180), with text that a spreadsheet would run as a formula (=, +, -, @)
   * prefixed by an apostrophe.
   */
  static String csv(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  static String jsonLine(AuditEntry e) {
    JsonObjectBuilder o =
        Json.createObjectBuilder().add("at", e.at().toString()).add("action", e.action());
    add(o, "actorId", e.actorId());
    add(o, "targetId", e.targetId());
    add(o, "roomId", e.roomId());
    add(o, "reason", e.reason());
    JsonObjectBuilder detail = Json.createObjectBuilder();
    new TreeMap<>(e.detail()).forEach(detail::add);
    o.add("detail", detail);
    add(o, "node", e.node());
    add(o, "client", e.client());
    return o.build().toString() + "\n";
  }

  private static void add(JsonObjectBuilder o, String key, String value) {
    if (value == null) {
      o.addNull(key);
    } else {
      o.add(key, value);
    }
  }
}
