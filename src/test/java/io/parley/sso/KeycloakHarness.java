package io.parley.sso;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak from its distribution on Maven Central (unpacked by the build), in dev mode on a Java
 * 21+ JDK, with the realm of {@code ops/keycloak/parley-realm.json} imported into a fresh database.
 * A real identity provider on a real socket.
 */
public final class KeycloakHarness implements AutoCloseable {

  public static final int PORT = 8180;
  public static final String URL = "http://localhost:" + PORT;
  public static final String ISSUER = URL + "/realms/parley";

  private final Process process;

  private KeycloakHarness(Process process) {
    this.process = process;
  }

  public static KeycloakHarness start(Path log) throws IOException {
    Path home = Path.of(System.getProperty("parley.keycloak.home"));
    Path java = Path.of(System.getProperty("parley.keycloak.java"));
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("Keycloak is not unpacked at " + home);
    }
    if (!Files.isExecutable(java.resolve("bin/java"))) {
      throw new IllegalStateException("Keycloak needs Java 21+; none at " + java);
    }
    for (String stale : new String[] {"data/h2", "data/transaction-logs", "data/import"}) {
      deleteTree(home.resolve(stale));
    }
    Files.createDirectories(home.resolve("data/import"));
    Files.copy(
        Path.of("ops/keycloak/parley-realm.json"),
        home.resolve("data/import/parley-realm.json"),
        StandardCopyOption.REPLACE_EXISTING);
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + PORT,
                "--hostname=" + URL,
                "--import-realm")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", java.toString());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-password");
    builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
    return new KeycloakHarness(builder.start());
  }

  /** Waits until the realm's discovery document answers. */
  public void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Keycloak exited with " + process.exitValue());
      }
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Keycloak not ready after " + timeout);
  }

  /** SIGTERM (kc.sh passes it on to its JVM); SIGKILL would orphan the JVM. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    process.descendants().forEach(ProcessHandle::destroy);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
