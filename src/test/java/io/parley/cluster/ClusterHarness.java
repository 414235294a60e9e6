package io.parley.cluster;

import io.parley.mongo.EmbeddedMongo;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Parley as an organisation runs it, on this machine: one MongoDB-wire store, N Liberty nodes (each
 * with its embedded Hazelcast member, joined over TCP-IP) and nginx in front of them. Everything is
 * a real process on real sockets; nodes can be killed with SIGKILL and restarted.
 */
public final class ClusterHarness implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path wlp = Path.of(System.getProperty("parley.wlp.dir"));
  private final Path template = wlp.resolve("usr/servers/parley");
  private final Path work;
  private final int nodes;
  private final int basePort;
  private final Process[] processes;
  private EmbeddedMongo store;
  private Process nginx;

  private final Map<String, String> extraEnv = new java.util.HashMap<>();
  private final String serverPrefix;
  private boolean inheritLimits = true;
  private String httpsRedirect = "false";

  public ClusterHarness(int nodes, int basePort) throws IOException {
    this(nodes, basePort, "cluster");
  }

  /** {@code name} is the working directory under target (logs, store, report). */
  public ClusterHarness(int nodes, int basePort, String name) throws IOException {
    this.nodes = nodes;
    this.basePort = basePort;
    this.processes = new Process[nodes + 1];
    this.work =
        Path.of(System.getProperty("parley.cluster.dir", "target/cluster"))
            .toAbsolutePath()
            .resolveSibling(name);
    this.serverPrefix = name.equals("cluster") ? "node" : name + "-node";
    Files.createDirectories(work);
  }

  /** Settings every node gets on top of the cluster's own (e.g. an identity provider). */
  public ClusterHarness withEnv(Map<String, String> env) {
    extraEnv.putAll(env);
    return this;
  }

  /** Nodes keep the product's default rate limits instead of the test server's wide ones. */
  public ClusterHarness withDefaultLimits() {
    inheritLimits = false;
    return this;
  }

  /** Nodes redirect plain HTTP to HTTPS, as the product does by default. */
  public ClusterHarness withHttpsRedirect() {
    httpsRedirect = "true";
    return this;
  }

  /** The node's HTTPS address (a generated development certificate). */
  public String nodeHttpsUrl(int node) {
    return "https://localhost:" + (httpPort(node) + 100);
  }

  public int httpPort(int node) {
    return basePort + node;
  }

  int hazelcastPort(int node) {
    return basePort - 4000 + node;
  }

  String proxyUrl() {
    return "http://localhost:" + basePort;
  }

  public String nodeUrl(int node) {
    return "http://localhost:" + httpPort(node);
  }

  public Path work() {
    return work;
  }

  public void startStore() throws IOException {
    Path dir = work.resolve("store");
    deleteTree(dir);
    store = EmbeddedMongo.start(dir, "127.0.0.1", 0);
  }

  String storeUri() {
    return store.uri();
  }

  /** Creates the node's server directory from the built test server and starts it. */
  public void startNode(int node) throws IOException {
    String name = serverPrefix + node;
    Path server = wlp.resolve("usr/servers/" + name);
    Files.createDirectories(server.resolve("apps"));
    for (String f : List.of("server.xml", "jvm.options")) {
      Files.copy(template.resolve(f), server.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.copy(
        template.resolve("apps/parley.war"),
        server.resolve("apps/parley.war"),
        StandardCopyOption.REPLACE_EXISTING);
    String members =
        IntStream.rangeClosed(1, nodes)
            .mapToObj(n -> "127.0.0.1:" + hazelcastPort(n))
            .collect(Collectors.joining(","));
    Map<String, String> env = new java.util.TreeMap<>(extraEnv);
    env.putAll(
        Map.of(
            "HTTP_PORT", String.valueOf(httpPort(node)),
            "HTTPS_PORT", String.valueOf(httpPort(node) + 100),
            "MONGO_URI", store.uri(),
            "PARLEY_DATA_DIR", work.resolve("shared-data").toString(),
            "PARLEY_DEV_SIGN_IN_ENABLED", "true",
            "PARLEY_HTTPS_REDIRECT", httpsRedirect,
            "PARLEY_HAZELCAST_CLUSTER_NAME", "parley-cluster-test-" + basePort,
            "PARLEY_HAZELCAST_PORT", String.valueOf(hazelcastPort(node)),
            "PARLEY_HAZELCAST_MEMBERS", members));
    // The template's server.env carries the keystore password Liberty generated (without a
    // default keystore the security services, MicroProfile JWT among them, do not start) and,
    // in the build, the JaCoCo agent, so the nodes' code counts towards coverage too.
    String inherited =
        Files.readAllLines(template.resolve("server.env")).stream()
            .filter(
                line ->
                    line.startsWith("keystore_password=")
                        || line.startsWith("JVM_ARGS=")
                        || (line.startsWith("PARLEY_LIMITS_") && inheritLimits))
            .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(
        server.resolve("server.env"),
        inherited
            + env.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
    processes[node] =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", name)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".log").toFile()))
            .start();
  }

  /**
   * SIGTERM to the node's JVM, as systemd or Kubernetes stop a node for an upgrade: Liberty stops
   * cleanly and the member leaves the cluster. Waits until it is gone.
   */
  void stop(int node) throws InterruptedException {
    Process p = processes[node];
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      kill(node);
      throw new AssertionError("node" + node + " did not stop within 90 s of SIGTERM");
    }
  }

  /** SIGKILL to the node's JVM: no shutdown hooks, no goodbye to the cluster. */
  void kill(int node) throws InterruptedException {
    Process p = processes[node];
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits until the node is ready and sees {@code members} cluster members. */
  public void awaitReady(int node, int members, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Pattern size = Pattern.compile("\"clusterSize\":(\\d+)");
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(nodeUrl(node) + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = size.matcher(r.body());
        if (r.statusCode() == 200 && m.find() && Integer.parseInt(m.group(1)) == members) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "node"
            + node
            + " not ready with "
            + members
            + " members; see "
            + work.resolve(serverPrefix + node + ".log"));
  }

  void startProxy() throws IOException {
    Path prefix = work.resolve("nginx");
    deleteTree(prefix);
    for (String d : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
      Files.createDirectories(prefix.resolve(d));
      prefix.resolve(d).toFile().setWritable(true, false);
    }
    String upstreams =
        IntStream.rangeClosed(1, nodes)
            .mapToObj(n -> "    server 127.0.0.1:" + httpPort(n) + " max_fails=1 fail_timeout=5s;")
            .collect(Collectors.joining("\n"));
    String conf =
        Files.readString(Path.of("ops/nginx/parley.conf"))
            .replace("${PREFIX}", prefix.toString())
            .replace("${LISTEN}", "127.0.0.1:" + basePort)
            .replace("${UPSTREAMS}", upstreams);
    Path file = prefix.resolve("nginx.conf");
    Files.writeString(file, conf);
    String binary = new File("/usr/sbin/nginx").canExecute() ? "/usr/sbin/nginx" : "nginx";
    nginx =
        new ProcessBuilder(
                binary, "-p", prefix.toString(), "-c", file.toString(), "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("nginx.log").toFile()))
            .start();
  }

  @Override
  public void close() throws Exception {
    List<Process> all = new ArrayList<>();
    for (Process p : processes) {
      if (p != null && p.isAlive()) {
        all.add(p);
      }
    }
    for (Process p : all) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : all) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    if (nginx != null) {
      nginx.destroy();
      nginx.waitFor(10, TimeUnit.SECONDS);
    }
    if (store != null) {
      store.close();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
