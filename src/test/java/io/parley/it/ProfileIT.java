package io.parley.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };
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
    assertArrayEquals(PNG, avatar.body());

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
    assertTrue(text(refused).contains("must be a PNG, JPEG, GIF or WebP image"));

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
