package io.parley.it.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Custom emoji against the running server: added, used, reacted with, removed. */
class CustomEmojiIT {

  static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(3, 3, 0xffff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static HttpResponse<String> upload(TestUser who, String name) throws Exception {
    return Parley.send(
        HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/api/emoji?name=" + name))
            .header("Authorization", "Bearer " + who.token())
            .header("Content-Type", "image/png")
            .POST(HttpRequest.BodyPublishers.ofByteArray(png()))
            .build());
  }

  @Test
  void anAdministratorsEmojiWorksInMessagesAndReactionsAndItsRemovalKeepsThemReadable()
      throws Exception {
    TestUser admin = Parley.signIn(Parley.baseUrl(), Parley.unique("Admin"), "admin");
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String name = "ship" + Parley.unique("").strip().substring(0, 6).toLowerCase();
    assertEquals(403, upload(ada, name).statusCode(), "administrators only");
    var added = upload(admin, name);
    assertEquals(201, added.statusCode(), added.body());
    assertTrue(ada.get("/api/emoji").body().contains("\"code\":\":" + name + ":\""));

    String room = ada.createRoom(Parley.unique("emoji"), "public");
    var sent = ada.postMessage(room, ":" + name + ": it", "e-1");
    assertEquals(201, sent.statusCode());
    String html = Parley.json(sent.body()).getString("html");
    assertTrue(html.contains("src=\"/emoji/" + name + "\""), html);
    var reacted =
        ada.post("/api/rooms/" + room + "/messages/1/reactions", "{\"emoji\":\":" + name + ":\"}");
    assertEquals(200, reacted.statusCode(), reacted.body());
    JsonObject reactions = Parley.json(reacted.body()).getJsonObject("reactions");
    assertTrue(reactions.containsKey(":" + name + ":"), reactions.toString());
    assertEquals(200, ada.page("/emoji/" + name).statusCode());
    assertTrue(ada.page("/rooms/" + room).body().contains("src=\"/emoji/" + name + "\""));
    assertTrue(
        ada.fragment("/rooms/" + room + "/messages/1/react").body().contains(":" + name + ":"));

    String offered = ada.fragment("/rooms/" + room + "/emoji?q=" + name.substring(0, 4)).body();
    assertTrue(
        offered.contains("data-code=\":" + name + ":\""), "the composer offers it: " + offered);
    assertTrue(
        ada.fragment("/rooms/" + room + "/emoji?q=tad").body().contains("data-code=\":tada:\""),
        "and the standard ones");
    assertEquals(204, admin.send("DELETE", "/api/emoji/" + name, null).statusCode());
    assertEquals(404, ada.page("/emoji/" + name).statusCode(), "its picture is gone");
    assertEquals(
        ":" + name + ": it", ada.history(room, "").get(0).getString("body"), "the text stays");
    assertEquals(
        400,
        ada.post("/api/rooms/" + room + "/messages/1/reactions", "{\"emoji\":\":nosuch:\"}")
            .statusCode());
  }
}
