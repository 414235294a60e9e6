package io.parley.it.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Sharing files: uploaded through the API, shown to the room live, read only by its members. */
class FilesIT {

  private static HttpResponse<byte[]> upload(
      TestUser user, String room, String name, byte[] data, String type) {
    return user.bytes(
        HttpRequest.newBuilder(
                URI.create(Parley.baseUrl() + "/api/rooms/" + room + "/files?name=" + name))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(data)));
  }

  private static HttpResponse<byte[]> download(TestUser user, String path) {
    return user.bytes(HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path)).GET());
  }

  static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void anImageIsSharedWithAThumbnailAndOnlyMembersReadIt() throws IOException {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser eve = Parley.signIn(Parley.unique("Eve"));
    String room = ada.createRoom(Parley.unique("files"), "private");
    byte[] image = png(1200, 600);
    var uploaded = upload(ada, room, "plan.png", image, "image/png");
    assertEquals(201, uploaded.statusCode(), new String(uploaded.body()));
    JsonObject file = Parley.json(new String(uploaded.body()));
    String fileId = file.getString("id");
    try (LiveSocket live = LiveSocket.open(ada).resume(room, 0).ready()) {
      var posted =
          ada.post(
              "/api/rooms/" + room + "/messages",
              "{\"body\":\"the plan\",\"clientMsgId\":\"f-1\",\"files\":[\"" + fileId + "\"]}");
      assertEquals(201, posted.statusCode(), posted.body());
      String frame = live.await(f -> f.contains("the plan"), Duration.ofSeconds(10));
      assertTrue(frame.contains("src=\"" + file.getString("thumbnailUrl") + "\""), frame);
      assertTrue(frame.contains("width=\"320\" height=\"160\""), frame);
    }
    var original = download(ada, "/files/" + fileId + "?download=1");
    assertEquals(200, original.statusCode());
    assertArrayEquals(image, original.body());
    assertEquals("nosniff", original.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(
        original.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
    assertTrue(
        original.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    var thumb = download(ada, file.getString("thumbnailUrl"));
    assertEquals("image/png", thumb.headers().firstValue("Content-Type").orElse(""));
    assertEquals(320, ImageIO.read(new ByteArrayInputStream(thumb.body())).getWidth());
    assertEquals(404, download(eve, "/files/" + fileId).statusCode(), "not a member: no such file");
    assertEquals(404, download(eve, file.getString("thumbnailUrl")).statusCode());
    assertEquals(404, download(ada, "/files/not-an-id").statusCode());

    var deleted = ada.send("DELETE", "/api/rooms/" + room + "/messages/1", null);
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(404, download(ada, "/files/" + fileId).statusCode(), "deleted with its message");
    assertEquals(404, download(ada, file.getString("thumbnailUrl")).statusCode());
  }

  @Test
  void aFileOverTheLimitIsRefusedClearlyAndAnythingElseIsADownload() {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("limits"), "public");
    var big =
        upload(ada, room, "big.bin", new byte[25 * 1024 * 1024 + 1], "application/octet-stream");
    assertEquals(400, big.statusCode());
    assertTrue(new String(big.body()).contains("at most 25 MB"), new String(big.body()));
    var html = upload(ada, room, "page.html", "<script>alert(1)</script>".getBytes(), "text/html");
    String id = Parley.json(new String(html.body())).getString("id");
    var served = download(ada, "/files/" + id);
    assertEquals(
        "application/octet-stream", served.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        served.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    bob.join(room);
    var notMine =
        bob.post(
            "/api/rooms/" + room + "/messages",
            "{\"body\":\"x\",\"clientMsgId\":\"x-1\",\"files\":[\"" + id + "\"]}");
    assertEquals(400, notMine.statusCode(), "only your own uploads go with your message");
  }
}
