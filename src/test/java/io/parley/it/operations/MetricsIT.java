package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * After real traffic (API and socket sends, refusals, history, a catch-up, a search) the server's
 * {@code /metrics} carries what operators watch, with sensible values; and every metric name the
 * Prometheus alert rules and the Grafana dashboard use is one the server really exposes.
 */
class MetricsIT {

  /** Metric names as the rules and dashboard write them (PromQL functions and labels are not). */
  private static final Pattern USED =
      Pattern.compile("\\b((?:parley|memory|cpu|jvm|thread|gc|classloader)_[A-Za-z0-9_]+)\\b");

  /** Series Prometheus makes itself rather than scraping them. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");

  @Test
  void realTrafficShowsInTheMetricsAndTheRulesAndDashboardUseOnlyRealNames() throws IOException {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = ada.createRoom(Parley.unique("metrics"), "public");
    String before = Parley.metrics(null);

    for (int i = 0; i < 5; i++) {
      assertEquals(201, ada.postMessage(room, "counted " + i, "m-" + i).statusCode());
    }
    assertEquals(400, ada.postMessage(room, " ", "m-blank").statusCode(), "validation");
    assertEquals(403, eve.postMessage(room, "not a member", "m-eve").statusCode(), "auth");
    assertEquals(200, ada.get("/api/rooms/" + room + "/messages?limit=3").statusCode());
    assertEquals(200, ada.get("/api/search?q=counted").statusCode());
    try (LiveSocket page = LiveSocket.open(ada).resume(room, 0).ready()) {
      page.sendMessage(room, "live", "s-1");
      page.await(f -> f.contains(">live<"), Duration.ofSeconds(10));
    }
    String after = Parley.metrics(null);

    assertEquals(
        7,
        grew(before, after, "parley_messages_received_total", "via=\"api\""),
        "five stored and two refused, all received");
    assertTrue(grew(before, after, "parley_messages_received_total", "via=\"socket\"") >= 1);
    assertEquals(1, grew(before, after, "parley_messages_refused_total", "reason=\"validation\""));
    assertEquals(1, grew(before, after, "parley_messages_refused_total", "reason=\"auth\""));
    assertTrue(grew(before, after, "parley_messages_stored_total", "") >= 6);
    assertTrue(grew(before, after, "parley_messages_delivered_total", "") >= 1, "to the socket");
    for (String timer :
        List.of(
            "parley_send_duration_seconds",
            "parley_delivery_duration_seconds",
            "parley_history_duration_seconds",
            "parley_catchup_duration_seconds",
            "parley_search_duration_seconds")) {
      assertTrue(grew(before, after, timer + "_count", "") >= 1, timer + " observed");
      assertTrue(
          after.contains(timer + "_bucket{") && after.contains("le=\"0.1\""),
          timer + " has histogram buckets Prometheus can sum across nodes");
    }
    assertTrue(
        value(after, "parley_mongodb_command_duration_seconds_count", "command=\"find\"") > 0);
    assertTrue(value(after, "parley_cluster_members", "") >= 1);
    assertTrue(names(after).contains("parley_sockets_queued_frames"));
    assertTrue(names(after).contains("parley_presence_tabs"));
    assertTrue(names(after).contains("parley_rooms_live"));

    Set<String> exposed = names(after);
    List<String> missing = new ArrayList<>();
    for (Path file :
        List.of(
            Path.of("ops/prometheus/parley-alerts.yml"),
            Path.of("ops/grafana/parley-dashboard.json"))) {
      Matcher m = USED.matcher(Files.readString(file));
      Set<String> used = new TreeSet<>();
      while (m.find()) {
        used.add(m.group(1));
      }
      assertTrue(used.size() > 5, file + " names metrics");
      used.stream()
          .filter(n -> !PROMETHEUS_OWN.contains(n) && !exposed.contains(n))
          .forEach(n -> missing.add(file + ": " + n));
    }
    assertEquals(
        List.of(),
        missing,
        "names the server does not expose; it has "
            + exposed.stream()
                .filter(n -> USED.matcher(n).matches() && !n.startsWith("parley_"))
                .sorted()
                .toList());
  }

  /** Every series name in a Prometheus text exposition. */
  private static Set<String> names(String exposition) {
    return exposition
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> l.split("[{ ]", 2)[0])
        .collect(Collectors.toSet());
  }

  /** The value of the first series of {@code name} whose labels contain {@code label}. */
  private static double value(String exposition, String name, String label) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }

  private static long grew(String before, String after, String name, String label) {
    return Math.round(value(after, name, label) - value(before, name, label));
  }
}
