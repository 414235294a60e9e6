package io.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** The Parley server the build started, reached over real HTTP. Ports come from the build. */
public final class Parley {

  public static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .sslContext(trustingLocalCertificates())
          .build();

  /**
   * The test servers present Liberty's generated self-signed certificate; the suite's client
   * accepts it (it only ever talks to servers the build started on this machine).
   */
  public static javax.net.ssl.SSLContext trustingLocalCertificates() {
    try {
      javax.net.ssl.TrustManager[] trustAll = {
        new javax.net.ssl.X509TrustManager() {
          @Override
          public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

          @Override
          public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

          @Override
          public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
          }
        }
      };
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, trustAll, new java.security.SecureRandom());
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Parley() {}

  public static String baseUrl() {
    return "http://localhost:" + System.getProperty("parley.http.port", "9080");
  }

  public static String httpsUrl() {
    return "https://localhost:" + System.getProperty("parley.https.port", "9443");
  }

  /** The metrics reader's password on the test server (PARLEY_METRICS_PASSWORD in the POM). */
  public static final String METRICS_PASSWORD = "test-metrics-password";

  /**
   * {@code /metrics} of the given scope (null: every scope), as the metrics reader (HTTP Basic over
   * HTTPS).
   */
  public static String metrics(String scope) {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                ("metrics:" + METRICS_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var response =
        send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        httpsUrl() + "/metrics" + (scope == null ? "" : "?scope=" + scope)))
                .header("Authorization", "Basic " + basic)
                .build());
    if (response.statusCode() != 200) {
      throw new AssertionError("/metrics answered " + response.statusCode());
    }
    return response.body();
  }

  public static String wsUrl() {
    return baseUrl().replaceFirst("^http", "ws") + "/ws";
  }

  /** A unique name, so tests never share users or rooms. */
  public static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Signs in through the development sign-in page and returns the user's token. */
  public static TestUser signIn(String name) {
    return signIn(baseUrl(), name);
  }

  /** Signs in at another server (a cluster node or the load balancer in front of them). */
  public static TestUser signIn(String baseUrl, String name) {
    return signIn(baseUrl, name, "member");
  }

  /** Signs in with the development sign-in's role choice: member, moderator or admin. */
  public static TestUser signIn(String baseUrl, String name, String role) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "name="
                            + URLEncoder.encode(name, StandardCharsets.UTF_8)
                            + "&role="
                            + URLEncoder.encode(role, StandardCharsets.UTF_8)))
                .build());
    assertEquals(303, response.statusCode(), "dev sign-in should redirect");
    String token =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("parley_token="))
            .map(c -> c.substring("parley_token=".length(), c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    return new TestUser(name, token, baseUrl);
  }

  public static java.net.http.HttpClient client() {
    return HTTP;
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  public static String quote(String value) {
    return Json.createValue(value).toString();
  }

  static boolean isNull(JsonObject o, String key) {
    return !o.containsKey(key) || o.get(key).getValueType() == JsonValue.ValueType.NULL;
  }

  /** Stops and starts the test server (its store is on disk), and waits until it is ready. */
  public static void restartServer() {
    stopServer();
    startServer();
  }

  public static void stopServer() {
    server("stop");
  }

  /**
   * SIGKILL to the test server's JVM, as a crash or the kernel's OOM killer would: no shutdown
   * hook, no last commit. Returns once the process is gone.
   */
  public static void killServer() {
    java.nio.file.Path pidFile =
        java.nio.file.Path.of(System.getProperty("parley.wlp.dir"), "usr/servers/.pid/parley.pid");
    try {
      long pid = Long.parseLong(java.nio.file.Files.readString(pidFile).strip());
      ProcessHandle server =
          ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no server process " + pid));
      server.destroyForcibly();
      server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not kill the server", e);
    }
  }

  public static void startServer() {
    server("start");
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        var response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      sleep(500);
    }
    throw new AssertionError("server not ready after a restart");
  }

  private static void server(String action) {
    String wlp = System.getProperty("parley.wlp.dir");
    try {
      Process p =
          new ProcessBuilder(new java.io.File(wlp, "bin/server").getPath(), action, "parley")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("server " + action + " failed");
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
