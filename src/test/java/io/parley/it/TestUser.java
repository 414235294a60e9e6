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
