package io.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the sources: the domain never names an
 * adapter, adapters never name each other (pages, sockets and the API share only {@code render}),
 * and only {@code app} wires adapters together.
 */
class ArchitectureTest {

  private static final Path SOURCES = Path.of("src/main/java/io/parley");
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.parley\\.(\\w+)\\.");

  /** What each package may name besides itself (and anything outside io.parley). */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("common", Set.of()),
          Map.entry("users", Set.of("common", "audit")),
          Map.entry("audit", Set.of("common")),
          Map.entry("rooms", Set.of("common", "audit")),
          Map.entry("messaging", Set.of("common", "rooms", "audit")),
          Map.entry("files", Set.of("common", "messaging", "rooms")),
          Map.entry("reports", Set.of("common", "audit", "messaging", "rooms")),
          Map.entry("integrations", Set.of("common", "audit", "messaging", "rooms", "users")),
          Map.entry("presence", Set.of("common")),
          Map.entry("later", Set.of("common", "messaging", "rooms")),
          Map.entry(
              "away", Set.of("common", "messaging", "rooms", "presence", "receipts", "users")),
          Map.entry("mail", Set.of("common", "away", "render")),
          Map.entry("push", Set.of("common", "away")),
          Map.entry("threads", Set.of("common", "messaging", "receipts")),
          Map.entry("emoji", Set.of("common", "audit", "users")),
          Map.entry("search", Set.of("common", "audit", "messaging", "rooms")),
          Map.entry("retention", Set.of("common", "audit", "messaging")),
          Map.entry("lucene", Set.of("messaging", "search")),
          Map.entry("receipts", Set.of("common")),
          Map.entry("metrics", Set.of("common")),
          Map.entry("security", Set.of("common", "users", "audit")),
          Map.entry(
              "render",
              Set.of(
                  "threads",
                  "away",
                  "later",
                  "common",
                  "integrations",
                  "messaging",
                  "presence",
                  "receipts",
                  "reports",
                  "rooms",
                  "search",
                  "users")),
          Map.entry(
              "mongo",
              Set.of(
                  "emoji",
                  "threads",
                  "away",
                  "later",
                  "common",
                  "integrations",
                  "presence",
                  "audit",
                  "files",
                  "messaging",
                  "receipts",
                  "reports",
                  "rooms",
                  "retention",
                  "users")),
          Map.entry(
              "cluster",
              Set.of(
                  "threads",
                  "later",
                  "common",
                  "metrics",
                  "messaging",
                  "presence",
                  "receipts",
                  "reports",
                  "rooms",
                  "retention",
                  "users")),
          Map.entry(
              "web",
              Set.of(
                  "emoji",
                  "threads",
                  "push",
                  "away",
                  "later",
                  "common",
                  "integrations",
                  "metrics",
                  "audit",
                  "presence",
                  "files",
                  "messaging",
                  "receipts",
                  "reports",
                  "rooms",
                  "search",
                  "security",
                  "retention",
                  "users",
                  "render")),
          Map.entry(
              "ws",
              Set.of(
                  "threads",
                  "later",
                  "common",
                  "integrations",
                  "metrics",
                  "messaging",
                  "presence",
                  "receipts",
                  "reports",
                  "rooms",
                  "security",
                  "users",
                  "render")),
          Map.entry(
              "api",
              Set.of(
                  "emoji",
                  "push",
                  "away",
                  "later",
                  "common",
                  "integrations",
                  "metrics",
                  "presence",
                  "audit",
                  "files",
                  "messaging",
                  "reports",
                  "rooms",
                  "search",
                  "security",
                  "retention",
                  "render",
                  "users")),
          Map.entry(
              "app",
              Set.of(
                  "emoji",
                  "threads",
                  "push",
                  "mail",
                  "away",
                  "later",
                  "common",
                  "integrations",
                  "metrics",
                  "audit",
                  "files",
                  "messaging",
                  "presence",
                  "receipts",
                  "reports",
                  "rooms",
                  "security",
                  "search",
                  "lucene",
                  "retention",
                  "users",
                  "mongo",
                  "cluster",
                  "web",
                  "render")));

  @Test
  void packagesNameOnlyWhatTheyMay() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              f -> {
                String pkg = SOURCES.relativize(f).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                  violations.add(f + ": package " + pkg + " has no rule here");
                  return;
                }
                Matcher m = REFERENCE.matcher(code(f));
                while (m.find()) {
                  String named = m.group(1);
                  if (!named.equals(pkg) && !allowed.contains(named)) {
                    violations.add(f + " names io.parley." + named);
                  }
                }
              });
    }
    assertEquals(List.of(), violations);
  }

  /**
   * Socket feeds share one shape (ws.Feed): each extends it, and only it subscribes to a cluster
   * stream, so no feed can do its work on Hazelcast's listener thread.
   */
  @Test
  void socketFeedsHaveOneShape() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES.resolve("ws"))) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              f -> {
                String name = f.getFileName().toString().replace(".java", "");
                String code = code(f);
                if (name.endsWith("Feed")
                    && !name.equals("Feed")
                    && !code.contains(" extends Feed ")) {
                  violations.add(name + " does not extend Feed");
                }
                if (!name.equals("Feed") && code.contains(".subscribe(")) {
                  violations.add(name + " subscribes by itself instead of through Feed.on");
                }
              });
    }
    assertEquals(List.of(), violations);
  }

  /** Pages, the API and the socket write no HTML in Java: every tag comes from a template. */
  @Test
  void adaptersWriteNoHtmlInJava() throws IOException {
    Pattern tag = Pattern.compile("\"<[a-zA-Z/!]");
    List<String> violations = new ArrayList<>();
    for (String adapter : List.of("web", "api", "ws")) {
      try (Stream<Path> files = Files.walk(SOURCES.resolve(adapter))) {
        files
            .filter(f -> f.toString().endsWith(".java"))
            .filter(f -> tag.matcher(code(f)).find())
            .forEach(f -> violations.add(f + " writes HTML"));
      }
    }
    assertEquals(List.of(), violations);
  }

  /** The adapters at the edges and to the stores. */
  private static final List<String> ADAPTERS =
      List.of("web", "ws", "api", "mongo", "cluster", "lucene", "security");

  /**
   * No adapter names another, except {@code render} (the views pages, sockets and the API share)
   * and {@code security} (who the request is: every edge asks it).
   */
  @Test
  void adaptersNameNoOtherAdapterButRender() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path f : javaFiles(SOURCES)) {
      String own = SOURCES.relativize(f).getName(0).toString();
      Matcher m = REFERENCE.matcher(ADAPTERS.contains(own) ? code(f) : "");
      while (m.find()) {
        String named = m.group(1);
        boolean edgeAsksWho = named.equals("security") && List.of("web", "ws", "api").contains(own);
        if (!named.equals(own) && ADAPTERS.contains(named) && !edgeAsksWho) {
          violations.add(f + " names " + named);
        }
      }
    }
    assertEquals(List.of(), violations.stream().distinct().toList());
  }

  /** Pages are typed: {@code web} builds records from {@code render}, never a map of variables. */
  @Test
  void webBuildsNoMapModels() throws IOException {
    Pattern map = Pattern.compile("Map<String,\\s*Object>|Map\\.of\\(\\s*\"");
    List<String> violations = new ArrayList<>();
    for (Path f : javaFiles(SOURCES.resolve("web"))) {
      if (map.matcher(code(f)).find()) {
        violations.add(f + " builds a map model");
      }
    }
    assertEquals(List.of(), violations);
  }

  /** A class a newcomer must read stays short, or says at its top why it is long. */
  @Test
  void mainClassesStayShortOrSayWhy() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path f : javaFiles(SOURCES)) {
      List<String> lines = Files.readAllLines(f);
      String top = String.join("\n", lines.subList(0, Math.min(80, lines.size())));
      if (lines.size() > MAX_LINES && !top.contains("Long on purpose:")) {
        violations.add(f + " has " + lines.size() + " lines and says not why");
      }
    }
    assertEquals(List.of(), violations);
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }

  private static final int MAX_LINES = 350;

  /** The file without comments, so a {@code @link} in prose is no dependency. */
  private static String code(Path file) {
    try {
      return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
