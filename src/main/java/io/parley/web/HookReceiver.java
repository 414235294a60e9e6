package io.parley.web;

import io.parley.common.DomainException;
import io.parley.integrations.HookPost;
import io.parley.integrations.IncomingHooks;
import io.parley.messaging.SendResult;
import io.parley.metrics.ChatMetrics;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Incoming webhooks: {@code POST /hooks/{id}/{secret}}, or {@code POST /hooks/{id}} with the secret
 * in {@code X-Parley-Hook-Secret}. The body is JSON ({@code text}, {@code username}, Slack's {@code
 * attachments} and section {@code blocks}), or a form with that JSON in {@code payload} (as older
 * Slack senders post). Every answer is JSON: 200 once the message is stored; 400 for a body that is
 * not such a payload; 404 for an unknown hook or a wrong secret alike; 429 with Retry-After past
 * the hook's rate.
 */
@WebServlet("/hooks/*")
public class HookReceiver extends HttpServlet {

  static final String SECRET_HEADER = "X-Parley-Hook-Secret";

  @Inject IncomingHooks hooks;
  @Inject ChatMetrics metrics;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"POST".equals(req.getMethod())) {
      resp.setHeader("Allow", "POST");
      answer(resp, 405, error("webhooks take POST"));
      return;
    }
    String[] path = String.valueOf(req.getPathInfo()).replaceFirst("^/", "").split("/", -1);
    if (path.length > 2 || path[0].isEmpty()) {
      answer(resp, 404, error("no such webhook"));
      return;
    }
    String secret = path.length == 2 ? path[1] : req.getHeader(SECRET_HEADER);
    try {
      HookPost post = parse(req);
      SendResult sent =
          metrics.posting(
              ChatMetrics.Via.HOOK,
              null,
              () -> hooks.post(path[0], secret, post, req.getHeader("Idempotency-Key")));
      answer(
          resp,
          200,
          Json.createObjectBuilder()
              .add("ok", true)
              .add("roomId", sent.message().roomId())
              .add("seq", sent.message().seq())
              .add("duplicate", sent.duplicate())
              .build());
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.RATE_LIMITED) {
        resp.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      }
      answer(resp, Requests.status(e), error(e.getMessage()));
    }
  }

  private static HookPost parse(HttpServletRequest req) throws IOException {
    String type = String.valueOf(req.getContentType()).toLowerCase(Locale.ROOT);
    String json =
        type.startsWith("application/x-www-form-urlencoded")
            ? req.getParameter("payload")
            : new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (json == null || json.isBlank()) {
      throw DomainException.invalid("the body must be a JSON object with \"text\"");
    }
    JsonObject body;
    try (var reader = Json.createReader(new StringReader(json))) {
      body = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw DomainException.invalid("the body is not a JSON object");
    }
    List<HookPost.Section> sections = new ArrayList<>();
    for (JsonObject a : objects(body, "attachments")) {
      List<HookPost.Field> fields = new ArrayList<>();
      for (JsonObject f : objects(a, "fields")) {
        fields.add(new HookPost.Field(string(f, "title"), string(f, "value")));
      }
      sections.add(
          new HookPost.Section(
              string(a, "pretext"),
              string(a, "title"),
              string(a, "title_link"),
              string(a, "text"),
              fields,
              string(a, "fallback")));
    }
    for (JsonObject block : objects(body, "blocks")) {
      JsonValue text = block.get("text");
      if (text instanceof JsonObject t) {
        sections.add(HookPost.Section.of(string(t, "text")));
      }
    }
    return new HookPost(string(body, "text"), string(body, "username"), sections);
  }

  /** The member's text, or null; a member of another type is refused rather than guessed at. */
  private static String string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    throw DomainException.invalid("\"" + name + "\" must be a string");
  }

  private static List<JsonObject> objects(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v == JsonValue.NULL) {
      return List.of();
    }
    if (!(v instanceof JsonArray array)
        || array.stream().anyMatch(e -> !(e instanceof JsonObject))) {
      throw DomainException.invalid("\"" + name + "\" must be an array of objects");
    }
    if (array.size() > 20) {
      throw DomainException.invalid("\"" + name + "\" has at most 20 entries");
    }
    return array.getValuesAs(JsonObject.class);
  }

  private static JsonObject error(String message) {
    return Json.createObjectBuilder().add("ok", false).add("error", message).build();
  }

  private static void answer(HttpServletResponse resp, int status, JsonObject body)
      throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getWriter().write(body.toString());
  }
}
