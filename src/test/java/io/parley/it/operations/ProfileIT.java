package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Profiles through the page form: name, status and avatar, shown (escaped) in rooms. */
class ProfileIT {

  /** A real 600×300 picture with a script appended after its end: decodes fine. */
  private static final byte[] PNG =
      concat(picture(600, 300), "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

  /** The attack: an image header, then a page. */
  private static final byte[] PNG_HEADER_THEN_HTML =
      concat(
          new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
          "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

  private static byte[] picture(int width, int height) {
    var image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xff0000);
    var out = new ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static final String BOUNDARY = "parley-test-boundary";

  private static HttpResponse<byte[]> save(TestUser user, Map<String, String> fields, byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (k, v) ->
            body.writeBytes(
                ("--"
                        + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\""
                        + k
                        + "\"\r\n\r\n"
                        + v
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    if (file != null) {
      body.writeBytes(
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"me.png\"\r\n"
                  + "Content-Type: image/png\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    try {
      return Parley.HTTP.send(
          HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/profile"))
              .header("Cookie", "parley_token=" + user.token())
              .header("Origin", Parley.baseUrl())
              .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, String> fields(String name, String status) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("displayName", name);
    fields.put("status", status);
    return fields;
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void nameStatusAndAvatarShowInTheMemberListEscaped() throws Exception {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("profiles"), "public");
    assertEquals(200, ada.page("/profile").statusCode());

    String name = "<script>alert(1)</script> Countess";
    HttpResponse<byte[]> saved = save(ada, fields(name, "Computing <b>numbers</b>"), PNG);
    assertEquals(200, saved.statusCode(), text(saved));
    assertTrue(text(saved).contains("Saved."));

    String page = ada.page("/rooms/" + room).body();
    assertFalse(page.contains("<script>alert(1)</script>"), "the name is escaped");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Countess"));
    assertTrue(page.contains("Computing &lt;b&gt;numbers&lt;/b&gt;"), "the status shows, escaped");
    Matcher img = Pattern.compile("<img class=\"avatar\" src=\"([^\"]+)\"").matcher(page);
    assertTrue(img.find(), "the member list shows the uploaded avatar");

    HttpResponse<byte[]> avatar =
        Parley.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(Parley.baseUrl() + img.group(1).replace("&amp;", "&")))
                .header("Cookie", "parley_token=" + ada.token())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, avatar.statusCode());
    assertEquals("image/png", avatar.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", avatar.headers().firstValue("X-Content-Type-Options").orElse(""));
    // Parley drew the picture anew: a PNG, scaled to 256 wide, and nothing after it survives.
    var served = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(avatar.body()));
    assertEquals(256, served.getWidth());
    assertEquals(128, served.getHeight());
    assertFalse(
        new String(avatar.body(), StandardCharsets.ISO_8859_1).contains("<script"),
        "the appended script is gone");

    // A new message carries the new name and avatar too.
    ada.postMessage(room, "hello", "p-1");
    String withMessage = ada.page("/rooms/" + room).body();
    assertTrue(withMessage.contains("class=\"sender\">&lt;script&gt;"), "messages use the name");
  }

  @Test
  void scriptsInDisguiseAndOversizedFilesAreRefusedAndNothingChanges() {
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> refused = save(bob, fields("Bob", ""), svg);
    assertEquals(400, refused.statusCode());
    assertTrue(text(refused).contains("must be a PNG, JPEG or GIF image"));
    HttpResponse<byte[]> disguised = save(bob, fields("Bob", ""), PNG_HEADER_THEN_HTML);
    assertEquals(400, disguised.statusCode(), "an image header in front of a page is no image");
    assertTrue(text(disguised).contains("must be a PNG, JPEG or GIF image"));

    byte[] huge = new byte[300 * 1024];
    System.arraycopy(PNG, 0, huge, 0, PNG.length);
    HttpResponse<byte[]> tooBig = save(bob, fields("Bob", ""), huge);
    assertEquals(413, tooBig.statusCode());
    assertTrue(text(tooBig).contains("at most 256 KiB"));

    assertEquals(400, save(bob, fields("   ", ""), null).statusCode(), "a name is required");
    assertFalse(bob.page("/profile").body().contains("<img class=\"avatar\""), "no avatar stored");
    assertEquals(404, bob.page("/users/" + bob.userId() + "/avatar").statusCode());
  }

  @Test
  void theProfileNeedsASignIn() throws Exception {
    var response =
        Parley.HTTP.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/profile")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, response.statusCode());
  }
}
