package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every error, Parley's and the container's, answers with Parley's page (browsers) or the API's
 * JSON problem ({@code /api}), and never with exception text, class names or stack frames.
 */
class ErrorPagesIT {

  private static final List<String> LEAKS =
      List.of("Exception", "java.", "com.ibm", "SRVE", "CWWW", "RESTEASY", "at [", ".java:");

  private static HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path));
    headers.forEach(request::header);
    return Parley.send(request.GET().build());
  }

  private static void assertNoLeak(HttpResponse<String> response) {
    for (String leak : LEAKS) {
      assertFalse(response.body().contains(leak), leak + " in " + response.body());
      response
          .headers()
          .map()
          .forEach(
              (name, values) ->
                  assertFalse(
                      (name + values).contains(leak), leak + " in header " + name + values));
    }
  }

  private static void assertParleyPage(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains("class=\"problem\""), response.body());
    assertTrue(response.body().contains("/static/parley.css"), "in Parley's layout");
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
        "HTML for a browser");
    assertNoLeak(response);
  }

  private static void assertJsonProblem(HttpResponse<String> response, int status, String error) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().map().toString());
    assertEquals(error, Parley.json(response.body()).getString("error"), response.body());
    assertTrue(Parley.json(response.body()).containsKey("message"));
    assertNoLeak(response);
  }

  @Test
  void anUnknownPageIsParleysNotFoundPage() {
    HttpResponse<String> page = get("/no-such-page", Map.of("Accept", "text/html"));
    assertParleyPage(page, 404);
    assertTrue(page.body().contains("<h1>Not found</h1>"), page.body());
  }

  @Test
  void encodedDotsAndSlashesInAPathGetParleysPageWithoutInternals() {
    HttpResponse<String> dots = get("/rooms/%2e%2e/x", Map.of());
    assertParleyPage(dots, 400);
    assertTrue(dots.body().contains("<h1>Bad request</h1>"), dots.body());
    assertParleyPage(get("/a%2fb", Map.of()), 400);
  }

  @Test
  void apiErrorsAreJsonProblemsWithoutInternals() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + ada.token());
    assertJsonProblem(get("/api/rooms/%2e%2e/messages", bearer), 400, "invalid");
    assertJsonProblem(get("/api/rooms/a%2fb/messages", bearer), 400, "invalid");
    assertJsonProblem(get("/api/no-such-resource", bearer), 404, "not_found");
    // Without a token, Liberty's MicroProfile JWT answers before the application: a bare 401
    // with the Bearer challenge (RFC 6750), and nothing else.
    HttpResponse<String> anonymous = get("/api/me", Map.of());
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertNoLeak(anonymous);
    HttpResponse<String> wrongMethod =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/api/me"))
                .header("Authorization", "Bearer " + ada.token())
                .DELETE()
                .build());
    assertJsonProblem(wrongMethod, 405, "method_not_allowed");
    HttpResponse<String> wrongType =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/api/rooms"))
                .header("Authorization", "Bearer " + ada.token())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("a room"))
                .build());
    assertJsonProblem(wrongType, 415, "unsupported_media_type");
  }

  @Test
  void anOversizedFormGetsParleys413Page() {
    HttpResponse<String> response =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + "a".repeat(200_000)))
                .build());
    assertParleyPage(response, 413);
  }

  @Test
  void aCrossSitePostGetsParleys403Page() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    HttpResponse<String> response =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/rooms"))
                .header("Cookie", "parley_token=" + ada.token())
                .header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x&type=public"))
                .build());
    assertParleyPage(response, 403);
  }

  @Test
  void aMalformedMultipartBodyIsABadRequestAndTheProfileIsUnchanged() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    HttpResponse<String> response =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/profile"))
                .header("Cookie", "parley_token=" + ada.token())
                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "--XYZ\r\nContent-Disposition: form-data; name=\"displayName\"\r\n\r\n"
                            + "Eve\r\n--XY"))
                .build());
    assertEquals(400, response.statusCode(), response.body());
    assertNoLeak(response);
    assertEquals(200, ada.page("/profile").statusCode(), "still signed in, profile intact");
    assertFalse(ada.page("/profile").body().contains("value=\"Eve\""));
  }

  @Test
  void aRoomNobodyMaySeeStaysNotFound() {
    TestUser owner = Parley.signIn(Parley.unique("Owner"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String secret = owner.createRoom(Parley.unique("secret"), "private");
    HttpResponse<String> page = eve.page("/rooms/" + secret);
    assertEquals(404, page.statusCode());
    assertNoLeak(page);
    assertJsonProblem(eve.get("/api/rooms/" + secret + "/messages"), 404, "not_found");
  }
}
