package io.parley.it.later;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Email for the away, end to end: the test server sends to this SMTP server (GreenMail, on the port
 * the build gives both), after its 3 s wait.
 */
class AwayEmailIT {

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(
          new ServerSetup(Integer.getInteger("parley.smtp.port", 3025), "127.0.0.1", "smtp"));

  @Test
  void aMentionToSomeoneAwayArrivesAsOneEmailAndOneClickUnsubscribes() throws Exception {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String address = ada.username().toLowerCase() + "@example.com";
    var chosen =
        ada.send(
            "PUT",
            "/api/me/notifications",
            "{\"email\":\"" + address + "\",\"frequency\":\"soon\",\"includeText\":true}");
    assertEquals(200, chosen.statusCode(), chosen.body());
    assertTrue(chosen.body().contains("\"mailConfigured\":true"), chosen.body());
    String room = bob.createRoom(Parley.unique("mail"), "public");
    ada.join(room);
    assertEquals(
        201,
        bob.postMessage(room, "@" + ada.username() + " can you check the build?", "m-1")
            .statusCode());
    assertEquals(
        201,
        bob.postMessage(room, "@" + ada.username() + " never mind, green", "m-2").statusCode());

    assertTrue(SMTP.waitForIncomingEmail(20_000, 1), "an email arrives");
    Thread.sleep(2500);
    MimeMessage[] mine =
        Arrays.stream(SMTP.getReceivedMessages())
            .filter(m -> to(m).equals(address))
            .toArray(MimeMessage[]::new);
    assertEquals(1, mine.length, "one digest for both mentions");
    String whole = GreenMailUtil.getWholeMessage(mine[0]);
    assertEquals("Parley: 2 mentions while you were away", mine[0].getSubject());
    assertTrue(whole.contains("can you check the build?") && whole.contains("never mind"), whole);
    assertTrue(whole.contains("/rooms/" + room), "links into the room");
    String header = mine[0].getHeader("List-Unsubscribe")[0];
    String path = URI.create(header.substring(1, header.length() - 1)).getPath();

    // A mail client's one-click unsubscribe: a POST without any sign-in.
    var clicked =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build());
    assertEquals(200, clicked.statusCode());
    assertTrue(ada.get("/api/me/notifications").body().contains("\"frequency\":\"never\""));
    var forged =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + path + "x"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(404, forged.statusCode());
  }

  @Test
  void someoneWhoReadsTheRoomInTimeGetsNoEmail() throws Exception {
    TestUser cy = Parley.signIn(Parley.unique("Cy"));
    TestUser bob = Parley.signIn(Parley.unique("Bob"));
    String address = cy.username().toLowerCase() + "@example.com";
    assertEquals(
        200,
        cy.send("PUT", "/api/me/notifications", "{\"email\":\"" + address + "\"}").statusCode());
    String room = bob.createRoom(Parley.unique("read"), "public");
    cy.join(room);
    assertEquals(201, bob.postMessage(room, "@" + cy.username() + " lunch?", "l-1").statusCode());
    assertEquals(200, cy.page("/rooms/" + room).statusCode(), "cy opens the room: read");
    Thread.sleep(7000);
    assertFalse(
        Arrays.stream(SMTP.getReceivedMessages()).anyMatch(m -> to(m).equals(address)),
        "no email for what was read in time");
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
