package io.parley.web;

import io.parley.integrations.HookEvent;
import io.parley.integrations.HookTransport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Outgoing webhook calls over the JDK's HTTP client: JSON bodies, redirects never followed (a
 * redirect could lead past the address checks), answers read up to 64 KiB for a reply's {@code
 * text}.
 */
public final class HttpHookTransport implements HookTransport {

  private static final int MAX_ANSWER = 64 * 1024;

  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  @Override
  public byte[] encode(HookEvent e) {
    JsonObjectBuilder sender =
        Json.createObjectBuilder()
            .add("id", e.senderId())
            .add("username", e.senderUsername())
            .add("name", e.senderName());
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("event", e.event())
            .add("hookId", e.hookId())
            .add("deliveryId", e.deliveryId())
            .add("room", Json.createObjectBuilder().add("id", e.roomId()).add("name", e.roomName()))
            .add("seq", e.seq())
            .add("threadOf", e.threadOf())
            .add("sender", sender)
            .add("text", e.text())
            .add("createdAt", e.createdAt());
    if (e.trigger() != null) {
      body.add("trigger", e.trigger());
    }
    return body.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] encode(CommandCall c) {
    return Json.createObjectBuilder()
        .add("event", "command")
        .add("command", c.command())
        .add("text", c.text())
        .add(
            "user",
            Json.createObjectBuilder()
                .add("id", c.userId())
                .add("username", c.username())
                .add("name", c.userName()))
        .add("room", Json.createObjectBuilder().add("id", c.roomId()).add("name", c.roomName()))
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Answer post(URI target, Map<String, String> headers, byte[] body, Duration timeout)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Parley-Webhooks/1")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try (InputStream in = response.body()) {
      byte[] answer = in.readNBytes(MAX_ANSWER);
      return new Answer(response.statusCode(), replyText(response, answer));
    }
  }

  /** The {@code text} of a JSON object answer, or null for anything else. */
  private static String replyText(HttpResponse<?> response, byte[] answer) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/json") || answer.length == 0) {
      return null;
    }
    try (var reader =
        Json.createReader(new StringReader(new String(answer, StandardCharsets.UTF_8)))) {
      JsonObject o = reader.readObject();
      return o.get("text") instanceof JsonString s ? s.getString() : null;
    } catch (RuntimeException notAnObject) {
      return null;
    }
  }
}
