package io.parley.web;

import io.parley.audit.AuditEntry;
import io.parley.audit.AuditLog;
import io.parley.audit.AuditQuery;
import io.parley.common.DomainException;
import io.parley.render.PageModels;
import io.parley.render.RoomViews;
import io.parley.render.Views;
import io.parley.security.SignedIn;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin console's audit log: filters (actor, target, room, action, dates), pages of 50, and the
 * same selection exported as CSV or JSON Lines, streamed entry by entry. Exports are audited.
 */
@ApplicationScoped
public class AuditConsole {

  static final int PAGE = 50;

  /** Actions offered as suggestions in the filter (any other is accepted too). */
  static final List<String> ACTIONS =
      List.of(
          "auth.",
          "auth.sign-in",
          "auth.sign-out",
          "auth.refused",
          "room.",
          "room.created",
          "room.mute",
          "room.ban",
          "room.kick",
          "room.slow-mode",
          "message.removed",
          "report.",
          "audit.exported",
          "user.");

  @Inject AuditLog audit;
  @Inject UserService users;
  @Inject RoomViews views;
  @Inject Views templates;
  @Inject Clock clock;

  /** The filters as typed, and as a query. */
  record Filters(String actor, String target, String room, String action, String from, String to) {

    static Filters of(HttpServletRequest req) {
      return new Filters(
          param(req, "actor"),
          param(req, "target"),
          param(req, "room"),
          param(req, "action"),
          param(req, "from"),
          param(req, "to"));
    }

    /** The filters that are set, by name, in a fixed order. */
    Map<String, String> asMap() {
      Map<String, String> all = new LinkedHashMap<>();
      all.put("actor", actor);
      all.put("target", target);
      all.put("room", room);
      all.put("action", action);
      all.put("from", from);
      all.put("to", to);
      all.values().removeIf(java.util.Objects::isNull);
      return all;
    }

    /** The filters as a query string (for paging and export links). */
    String queryString() {
      List<String> parts = new ArrayList<>();
      asMap().forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
      return String.join("&", parts);
    }
  }

  void page(SignedIn me, HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Filters f = Filters.of(req);
    int page = pageNumber(param(req, "page"));
    List<AuditEntry> found = List.of();
    String error = null;
    try {
      // The page and one entry of the next, to know whether an older page exists.
      AuditQuery q = query(f, page);
      found = new ArrayList<>(audit.search(q));
      if (found.size() == PAGE) {
        found.addAll(audit.search(q.page((page + 1) * PAGE, 1)));
      }
    } catch (DomainException e) {
      error = e.getMessage();
    }
    var model =
        new PageModels.AuditPage(
            views.frame(me.user()),
            new PageModels.AuditFilters(
                f.actor(), f.target(), f.room(), f.action(), f.from(), f.to()),
            ACTIONS,
            f.queryString(),
            page,
            found.size() > PAGE,
            rows(found.subList(0, Math.min(PAGE, found.size()))),
            error);
    Requests.html(resp, error == null ? 200 : 400, templates.page(Views.Page.AUDIT, model));
  }

  void export(SignedIn me, HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Filters f = Filters.of(req);
    AuditQuery q;
    try {
      q = query(f, 0);
    } catch (DomainException e) {
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
      return;
    }
    boolean csv = !"jsonl".equals(param(req, "format"));
    Map<String, String> detail = new LinkedHashMap<>(f.asMap());
    detail.put("format", csv ? "csv" : "jsonl");
    audit.record(
        new AuditEntry(clock.instant(), "audit.exported", me.userId(), null, null, null, detail));
    String stamp = clock.instant().toString().replace(":", "-");
    resp.setStatus(200);
    resp.setCharacterEncoding("UTF-8");
    resp.setContentType(csv ? "text/csv" : "application/jsonl");
    resp.setHeader(
        "Content-Disposition",
        "attachment; filename=\"parley-audit-" + stamp + (csv ? ".csv\"" : ".jsonl\""));
    PrintWriter out = resp.getWriter();
    if (csv) {
      out.print(AuditExportFormat.CSV_HEADER);
    }
    audit.export(
        q, e -> out.print(csv ? AuditExportFormat.csvLine(e) : AuditExportFormat.jsonLine(e)));
    out.flush();
  }

  private AuditQuery query(Filters f, int page) {
    return new AuditQuery(
        person(f.actor()),
        person(f.target()),
        f.room(),
        f.action(),
        day(f.from(), 0),
        day(f.to(), 1),
        page,
        PAGE);
  }

  /** A username (as typed in the console) or an id. */
  private String person(String typed) {
    if (typed == null) {
      return null;
    }
    try {
      return users.requireByUsername(typed.startsWith("@") ? typed.substring(1) : typed).id();
    } catch (DomainException e) {
      return typed; // an id, or nobody: the filter then finds nothing
    }
  }

  private static Instant day(String value, int plusDays) {
    if (value == null) {
      return null;
    }
    return io.parley.common.Days.parse(value, "a date")
        .plusDays(plusDays)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  private static int pageNumber(String value) {
    try {
      return value == null ? 0 : Math.max(0, Math.min(Integer.parseInt(value), 10_000));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String param(HttpServletRequest req, String name) {
    String v = req.getParameter(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** Table rows with people shown by name. */
  private List<PageModels.AuditRow> rows(List<AuditEntry> entries) {
    Set<String> ids = new HashSet<>();
    entries.forEach(
        e -> {
          if (e.actorId() != null) {
            ids.add(e.actorId());
          }
          if (e.targetId() != null) {
            ids.add(e.targetId());
          }
        });
    Map<String, String> names = views.names(ids);
    List<PageModels.AuditRow> rows = new ArrayList<>();
    for (AuditEntry e : entries) {
      rows.add(
          new PageModels.AuditRow(
              e.at().toString(),
              e.action(),
              e.actorId() == null ? "" : names.getOrDefault(e.actorId(), e.actorId()),
              e.targetId() == null ? "" : names.getOrDefault(e.targetId(), e.targetId()),
              e.roomId() == null ? "" : e.roomId(),
              e.reason() == null ? "" : e.reason(),
              AuditExportFormat.detailText(e),
              e.node() == null ? "" : e.node(),
              e.client() == null ? "" : e.client()));
    }
    return rows;
  }
}
