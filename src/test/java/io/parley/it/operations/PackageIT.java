package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestTokens;
import io.parley.it.TestUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runnable server package as an operator installs it (docs/ops/install.md): built from a fresh
 * clone with the production profile, started with {@code java -jar} against an identity provider's
 * keys (here a stand-in serving a JWKS), it serves a page, the API and a socket, refuses the
 * development sign-in, reports ready, and stops cleanly on SIGTERM.
 */
class PackageIT {

  private static final int HTTP_PORT = Integer.getInteger("parley.package.http.port", 9380);
  private static final int HTTPS_PORT = Integer.getInteger("parley.package.https.port", 9743);
  private static final String HTTPS = "https://localhost:" + HTTPS_PORT;
  private static final String ISSUER = "https://idp.package-test.example/realms/parley";

  private static Path workDir;
  private static Path clone;
  private static HttpServer idp;
  private static RSAKey key;
  private static Process server;

  @BeforeAll
  static void buildThePackage() throws Exception {
    Path project = Path.of(System.getProperty("parley.project.dir", ".")).toAbsolutePath();
    workDir = Files.createTempDirectory("parley-package");
    clone = workDir.resolve("parley");
    run(workDir, "git", "clone", "-q", project.toString(), clone.toString());
    long t0 = System.nanoTime();
    run(
        clone,
        "mvn",
        "-B",
        "-ntp",
        "-q",
        "-Pproduction",
        "-DskipTests",
        "-Dmaven.test.skip=true",
        "-Dspotless.check.skip=true",
        "package",
        "liberty:create",
        "liberty:deploy",
        "liberty:package",
        "-Dinclude=runnable");
    System.out.printf("package: built in %.1f s%n", (System.nanoTime() - t0) / 1e9);

    key = new RSAKeyGenerator(2048).keyID("package-test").generate();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    idp.createContext(
        "/certs",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    idp.start();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (server != null) {
      // The launcher runs the server in a JVM of its own: never leave that one behind.
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
    }
    if (idp != null) {
      idp.stop(0);
    }
    if (workDir != null) {
      try (Stream<Path> files = Files.walk(workDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void thePackageStartsWithJavaJarChatsAndStopsCleanly() throws Exception {
    Path jar = clone.resolve("target/parley.jar");
    assertTrue(Files.isRegularFile(jar), "liberty:package wrote " + jar);
    System.out.printf("package: %s is %d MB%n", jar.getFileName(), Files.size(jar) >> 20);
    Path log = workDir.resolve("package.log");
    long t0 = System.nanoTime();
    server = start(jar, log);
    System.out.printf("package: ready %.1f s after java -jar%n", (System.nanoTime() - t0) / 1e9);
    try {
      chatsAndStops(log);
    } catch (AssertionError | RuntimeException e) {
      List<String> lines = Files.readAllLines(log);
      System.out.println("---- " + log + " (last lines)");
      lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
      throw e;
    }
  }

  private void chatsAndStops(Path log) throws Exception {

    String readyLine =
        Files.readAllLines(log).stream()
            .filter(l -> l.contains("Parley is ready"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        readyLine.startsWith("{") && readyLine.contains("\"type\":\"liberty_message\""),
        "the production console logs JSON: " + readyLine);
    HttpResponse<String> ready =
        Parley.send(HttpRequest.newBuilder(URI.create(HTTPS + "/health/ready")).build());
    assertEquals(200, ready.statusCode(), ready.body());
    HttpResponse<String> signInPage =
        Parley.send(HttpRequest.newBuilder(URI.create(HTTPS + "/sign-in")).build());
    assertEquals(200, signInPage.statusCode());
    assertFalse(signInPage.body().contains("name=\"role\""), "no development sign-in form");
    HttpResponse<String> devSignIn =
        Parley.send(
            HttpRequest.newBuilder(URI.create(HTTPS + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Mallory&role=admin"))
                .build());
    assertTrue(devSignIn.statusCode() >= 400, "dev sign-in refused: " + devSignIn.statusCode());

    TestUser ada = new TestUser("Ada", token("ada"), HTTPS);
    assertEquals(200, ada.page("/rooms").statusCode(), "a page, signed in by the IdP's token");
    String room =
        ada.createRoom("Packaged " + UUID.randomUUID().toString().substring(0, 6), "public");
    try (LiveSocket socket =
        LiveSocket.open(ada, URI.create("wss://localhost:" + HTTPS_PORT + "/ws"), HTTPS)) {
      socket.ready().sendMessage(room, "from the package", "p-1");
      String status = socket.awaitStatus();
      assertFalse(status.contains("error"), status);
    }
    assertEquals(1, ada.history(room, "").size(), "stored");

    long stopping = System.nanoTime();
    List<ProcessHandle> jvms = server.descendants().toList();
    server.destroy(); // SIGTERM, as systemd or Kubernetes stop it
    assertTrue(server.waitFor(90, TimeUnit.SECONDS), "stopped within 90 s of SIGTERM");
    for (ProcessHandle jvm : jvms) {
      jvm.onExit().get(30, TimeUnit.SECONDS);
      assertFalse(jvm.isAlive(), "the server's own JVM ended too");
    }
    System.out.printf(
        "package: stopped %.1f s after SIGTERM%n", (System.nanoTime() - stopping) / 1e9);
    // The launcher does not relay the server's last lines; its own log says how it stopped.
    String stopped;
    try (Stream<Path> files = Files.walk(workDir.resolve("extract"))) {
      stopped =
          files
              .filter(f -> f.getFileName().toString().equals("messages.log"))
              .map(PackageIT::read)
              .collect(java.util.stream.Collectors.joining("\n"));
    }
    assertTrue(
        stopped.contains("CWWKE0036I"),
        "Liberty's log reports a clean stop: "
            + stopped.lines().reduce((a, b) -> b).orElse("none"));
    assertFalse(answers(HTTPS_PORT), "nothing listens any more");
  }

  private static String token(String username) {
    return TestTokens.sign(
        key, ISSUER, "parley", "package-test:" + username, username, "Ada Lovelace", 600_000);
  }

  /** {@code java -jar} with the settings docs/ops/install.md lists; returns once it is ready. */
  private static Process start(Path jar, Path log) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("java", "-jar", jar.toString()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("WLP_JAR_EXTRACT_ROOT", workDir.resolve("extract").toString());
    env.put("HTTP_PORT", String.valueOf(HTTP_PORT));
    env.put("HTTPS_PORT", String.valueOf(HTTPS_PORT));
    env.put("PARLEY_DATA_DIR", workDir.resolve("data").toString());
    env.put("PARLEY_PUBLIC_URL", HTTPS + "/");
    env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
    env.put(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
        "http://127.0.0.1:" + idp.getAddress().getPort() + "/certs");
    env.put("MP_JWT_VERIFY_AUDIENCES", "parley");
    String hazelcastPort = System.getProperty("parley.package.hazelcast.port", "5891");
    env.put("PARLEY_HAZELCAST_PORT", hazelcastPort);
    env.put("PARLEY_HAZELCAST_MEMBERS", "127.0.0.1:" + hazelcastPort);
    env.put("PARLEY_HAZELCAST_CLUSTER_NAME", "package-" + UUID.randomUUID());
    Process process = builder.start();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  Writer copy = Files.newBufferedWriter(log)) {
                String line;
                while ((line = out.readLine()) != null) {
                  copy.write(line + "\n");
                  copy.flush();
                  if (line.contains("Parley is ready")) {
                    ready.complete(null);
                  }
                }
              } catch (IOException e) {
                // the output closes when the server stops
              } finally {
                ready.completeExceptionally(new AssertionError("java -jar ended, see " + log));
              }
            },
            "package-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      List<String> lines = Files.readAllLines(log);
      lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.out::println);
      throw new AssertionError("the packaged server never said it was ready", e);
    }
    return process;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static void run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    assertEquals(0, p.waitFor(), String.join(" ", command));
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("localhost", port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
