package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, as a newcomer types it: a fresh clone of this repository, {@code
 * ops/run.sh} in it (with its own ports, so it never meets the suite's servers), sign in over
 * HTTPS, ten simultaneous signed-in requests right after it says it is ready, a message over the
 * WebSocket, read back from history, a clean stop, and a second start that still has the message.
 */
class RunCommandIT {

  private static final String READY = "Parley is ready";
  private static final int HTTP_PORT = Integer.getInteger("parley.run-command.http.port", 9280);
  private static final int HTTPS_PORT = Integer.getInteger("parley.run-command.https.port", 9643);
  private static final String HTTPS = "https://localhost:" + HTTPS_PORT;

  private static Path workDir;
  private static Path clone;
  private static Process running;

  @BeforeAll
  static void cloneTheRepository() throws Exception {
    Path project = Path.of(System.getProperty("parley.project.dir", ".")).toAbsolutePath();
    workDir = Files.createTempDirectory("parley-run-command");
    clone = workDir.resolve("parley");
    int exit =
        new ProcessBuilder("git", "clone", "-q", project.toString(), clone.toString())
            .inheritIO()
            .start()
            .waitFor();
    assertEquals(0, exit, "git clone of " + project);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (running != null && running.isAlive()) {
      stop(running);
    }
    Path wlp = clone.resolve("target/liberty/wlp/bin/server");
    if (Files.exists(wlp)) {
      new ProcessBuilder(wlp.toString(), "stop", "parley")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(120, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void aFreshCloneRunsSignsInChatsStopsAndKeepsTheMessageAcrossARestart() throws Exception {
    long first = start("first");
    TestUser ada = Parley.signIn(HTTPS, "Ada " + UUID.randomUUID().toString().substring(0, 6));
    tenSimultaneousSignedInRequestsAllSucceed(ada);
    theDefaultsExposeNothing();

    String room =
        ada.createRoom("Run command " + UUID.randomUUID().toString().substring(0, 6), "public");
    String body = "hello from a fresh clone " + UUID.randomUUID();
    try (LiveSocket socket =
        LiveSocket.open(ada, URI.create("wss://localhost:" + HTTPS_PORT + "/ws"), HTTPS)) {
      socket.ready().sendMessage(room, body, UUID.randomUUID().toString());
      String status = socket.awaitStatus();
      assertTrue(!status.contains("error"), "send acknowledged: " + status);
    }
    assertEquals(List.of(body), bodies(ada.history(room, "")), "read back from history");

    stop(running);
    assertTrue(!answers(HTTPS_PORT), "the server stopped with the command");

    long second = start("second");
    assertEquals(List.of(body), bodies(ada.history(room, "")), "the message survived a restart");
    System.out.printf(
        "run command: ready %.1f s after `ops/run.sh` on a fresh clone, %.1f s on the second"
            + " start%n",
        first / 1000.0, second / 1000.0);
    stop(running);
  }

  /**
   * Right after start-up, page loads and socket handshakes arrive together; each must be signed in
   * (a failed first key fetch used to refuse every cookie for up to 90 s).
   */
  private static void tenSimultaneousSignedInRequestsAllSucceed(TestUser user) {
    List<CompletableFuture<String>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      boolean page = i % 2 == 0;
      results.add(
          CompletableFuture.supplyAsync(
              () -> {
                if (page) {
                  HttpResponse<String> r = user.page("/rooms");
                  return r.statusCode() == 200 ? "ok" : "page answered " + r.statusCode();
                }
                try (LiveSocket s =
                    LiveSocket.open(
                        user, URI.create("wss://localhost:" + HTTPS_PORT + "/ws"), HTTPS)) {
                  s.ready();
                  return "ok";
                } catch (RuntimeException | AssertionError e) {
                  return "socket refused: " + e;
                }
              }));
    }
    for (CompletableFuture<String> result : results) {
      assertEquals("ok", result.join());
    }
  }

  /**
   * What the run command's defaults keep closed: the embedded store listens on a random loopback
   * port, metrics need the metrics reader, and plain HTTP redirects to the configured public
   * address whatever Host or X-Forwarded-Proto a client sends.
   */
  private static void theDefaultsExposeNothing() throws Exception {
    Matcher store =
        Pattern.compile("Embedded MongoDB-wire store at mongodb://([0-9.]+):(\\d+)")
            .matcher(Files.readString(workDir.resolve("run-first.log")));
    assertTrue(store.find(), "the log says where the store listens");
    assertEquals("127.0.0.1", store.group(1), "loopback only");
    int port = Integer.parseInt(store.group(2));
    assertTrue(port != 27017 && port != 27018, "a random port, not a well-known one: " + port);
    for (var address :
        java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      for (var ip : java.util.Collections.list(address.getInetAddresses())) {
        if (!ip.isLoopbackAddress() && ip instanceof java.net.Inet4Address) {
          assertTrue(!answers(ip.getHostAddress(), port), "store unreachable at " + ip);
        }
      }
    }

    assertEquals(
        401,
        Parley.send(java.net.http.HttpRequest.newBuilder(URI.create(HTTPS + "/metrics")).build())
            .statusCode(),
        "metrics need the metrics reader");

    String forged = rawGet("evil.example", "");
    assertTrue(forged.startsWith("HTTP/1.1 301"), forged);
    assertTrue(
        forged.contains("Location: " + HTTPS + "/rooms?x=1\r\n"),
        "redirect to the public URL, never to the Host header: " + forged);
    String claimed = rawGet("localhost:" + HTTP_PORT, "X-Forwarded-Proto: https\r\n");
    assertTrue(claimed.startsWith("HTTP/1.1 301"), "a client cannot claim HTTPS: " + claimed);
  }

  /** A plain-HTTP GET written by hand: the JDK's client will not send a Host of our choosing. */
  private static String rawGet(String host, String extraHeaders) throws IOException {
    try (Socket socket = new Socket("localhost", HTTP_PORT)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET /rooms?x=1 HTTP/1.1\r\nHost: "
                      + host
                      + "\r\n"
                      + extraHeaders
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static List<String> bodies(List<JsonObject> messages) {
    return messages.stream().map(m -> m.getString("body")).toList();
  }

  /** Runs the README's command in the clone; returns the milliseconds until it said ready. */
  private static long start(String which) throws Exception {
    Path log = workDir.resolve("run-" + which + ".log");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "ops/run.sh")
            .directory(clone.toFile())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("MAVEN_") && !k.equals("MAVEN_OPTS"));
    env.put("HTTP_PORT", String.valueOf(HTTP_PORT));
    env.put("HTTPS_PORT", String.valueOf(HTTPS_PORT));
    String hazelcastPort = System.getProperty("parley.run-command.hazelcast.port", "5791");
    env.put("PARLEY_HAZELCAST_PORT", hazelcastPort);
    env.put("PARLEY_HAZELCAST_MEMBERS", "127.0.0.1:" + hazelcastPort);
    env.put("PARLEY_HAZELCAST_CLUSTER_NAME", "run-command-" + UUID.randomUUID());
    long started = System.nanoTime();
    running = builder.start();
    CompletableFuture<Long> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8));
                  Writer copy = Files.newBufferedWriter(log)) {
                String line;
                while ((line = out.readLine()) != null) {
                  copy.write(line + "\n");
                  copy.flush();
                  if (line.contains(READY)) {
                    ready.complete((System.nanoTime() - started) / 1_000_000);
                  }
                }
              } catch (IOException e) {
                // the command's output closes when it is stopped: nothing more to copy
              } finally {
                ready.completeExceptionally(new AssertionError("ops/run.sh ended, see " + log));
              }
            },
            "run-command-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return ready.get(15, TimeUnit.MINUTES);
    } catch (Exception e) {
      System.out.println("---- " + log + " (last lines)");
      List<String> lines = Files.readAllLines(log);
      lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.out::println);
      throw new AssertionError("ops/run.sh (" + which + " start) never said it was ready", e);
    }
  }

  /** Stops the command as Ctrl+C would, and waits until the server is gone. */
  private static void stop(Process process) throws Exception {
    process.destroy(); // SIGTERM: Maven's shutdown hook stops the Liberty server it runs
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("ops/run.sh did not stop within 180 s");
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (answers(HTTPS_PORT) && System.nanoTime() < deadline) {
      Parley.sleep(500);
    }
  }

  private static boolean answers(int port) {
    return answers("localhost", port);
  }

  private static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new java.net.InetSocketAddress(host, port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
