package io.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** A signed-in user and the JSON API calls tests make as them. */
public record TestUser(String name, String token, String baseUrl) {

  public HttpResponse<String> get(String path) {
    return Parley.send(request(path).GET().build());
  }

  public HttpResponse<String> post(String path, String json) {
    return Parley.send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public String createRoom(String name, String type) {
    HttpResponse<String> response =
        post("/api/rooms", "{\"name\":" + Parley.quote(name) + ",\"type\":\"" + type + "\"}");
    assertEquals(201, response.statusCode(), response.body());
    return Parley.json(response.body()).getString("id");
  }

  public void join(String roomId) {
    assertEquals(200, post("/api/rooms/" + roomId + "/join", "").statusCode());
  }

  public HttpResponse<String> postMessage(String roomId, String body, String clientMsgId) {
    return post(
        "/api/rooms/" + roomId + "/messages",
        "{\"body\":" + Parley.quote(body) + ",\"clientMsgId\":" + Parley.quote(clientMsgId) + "}");
  }

  /** The room's messages as JSON objects, from the given query string. */
  public List<JsonObject> history(String roomId, String query) {
    HttpResponse<String> response = get("/api/rooms/" + roomId + "/messages" + query);
    assertEquals(200, response.statusCode(), response.body());
    return Parley.json(response.body()).getJsonArray("messages").getValuesAs(JsonObject.class);
  }

  public String userId() {
    HttpResponse<String> response = get("/api/me");
    assertEquals(200, response.statusCode(), response.body());
    return Parley.json(response.body()).getString("id");
  }

  /** A page as the browser gets it, signed in by the token cookie. */
  public HttpResponse<String> page(String path) {
    return Parley.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Cookie", "parley_token=" + token)
            .GET()
            .build());
  }

  /** Sends a request with the JSON body (PATCH, PUT, DELETE: what {@link #post} does not). */
  public HttpResponse<String> send(String method, String path, String json) {
    return Parley.send(
        request(path)
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Posts a page form as the browser does (cookie), as htmx when {@code htmx}. */
  public HttpResponse<String> form(String path, String body, boolean htmx) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Cookie", "parley_token=" + token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (htmx) {
      b.header("HX-Request", "true");
    }
    return Parley.send(b.build());
  }

  /** A page fragment as htmx asks for it. */
  public HttpResponse<String> fragment(String path) {
    return Parley.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Cookie", "parley_token=" + token)
            .header("HX-Request", "true")
            .GET()
            .build());
  }

  /** Any request as this user (Bearer), e.g. a file upload. */
  public HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
    try {
      return Parley.client()
          .send(
              request.header("Authorization", "Bearer " + token).build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String username() {
    HttpResponse<String> response = get("/api/me");
    assertEquals(200, response.statusCode(), response.body());
    return Parley.json(response.body()).getString("username");
  }

  /** Opens (or finds) the direct conversation with these people; returns its room id. */
  public String openDirect(TestUser... others) {
    String names =
        java.util.Arrays.stream(others)
            .map(o -> Parley.quote(o.username()))
            .collect(java.util.stream.Collectors.joining(","));
    HttpResponse<String> response = post("/api/direct", "{\"usernames\":[" + names + "]}");
    assertEquals(200, response.statusCode() / 100 * 100, response.body());
    return Parley.json(response.body()).getString("id");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + token);
  }
}
