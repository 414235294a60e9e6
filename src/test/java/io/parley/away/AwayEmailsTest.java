package io.parley.away;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.parley.mail.MailSettings;
import io.parley.mail.SmtpDigestMail;
import io.parley.messaging.MessageService;
import io.parley.mongo.MongoAvatarStore;
import io.parley.mongo.MongoAwaySettingsStore;
import io.parley.mongo.MongoMissedStore;
import io.parley.mongo.MongoReceiptStore;
import io.parley.mongo.MongoUserDirectory;
import io.parley.presence.ConnectionPresence;
import io.parley.presence.PresenceDirectory;
import io.parley.presence.PresenceState;
import io.parley.receipts.Watermark;
import io.parley.render.DigestViews;
import io.parley.rooms.Notify;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.SettableClock;
import io.parley.testing.TestMessages;
import io.parley.testing.WireStore;
import io.parley.users.UserClaims;
import io.parley.users.UserService;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.thymeleaf.TemplateEngine;

/**
 * Digests from mention to mailbox: the real stores (wire protocol, in memory), the real templates
 * and a real SMTP server (GreenMail), with a clock the test moves and presence it sets.
 */
class AwayEmailsTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final TemplateEngine ENGINE = io.parley.testing.SourceTemplates.engine();

  private final WireStore wire = new WireStore();
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-08T10:00:00Z"));
  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), clock);
  private final MessageService messages =
      TestMessages.service(rooms, new InMemoryMessageStore()).build();
  private final UserService users =
      new UserService(
          new MongoUserDirectory(wire.db()), new MongoAvatarStore(wire.db()), clock, () -> "v");
  private final MongoReceiptStore receipts = new MongoReceiptStore(wire.db());
  private final Set<String> online = new HashSet<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Room room = rooms.lifecycle().create("bob", "ops", RoomType.PUBLIC);
  private AwayEmails away;

  AwayEmailsTest() {
    for (String who : List.of("ada", "bob", "cy")) {
      users.signIn(new UserClaims(who, who, who + "@corp", who.toUpperCase(), Set.of()));
      rooms.memberships().join(who, room.id());
    }
  }

  @BeforeEach
  void start() {
    away = away("https://chat.example.com/");
    messages.onPosted(m -> away.posted(m));
  }

  private AwayEmails away(String publicUrl) {
    MailSettings mail =
        new MailSettings(
            "127.0.0.1",
            SMTP.getSmtp().getPort(),
            false,
            null,
            null,
            "Parley <p@example.com>",
            publicUrl);
    return new AwayEmails(
        new MongoMissedStore(wire.db()),
        new MongoAwaySettingsStore(wire.db()),
        new SmtpDigestMail(mail, (digest, url) -> DigestViews.render(ENGINE, digest, url)),
        rooms,
        receipts,
        presence(),
        users,
        (userId, m) -> {
          var msg = messages.message(userId, m.roomId(), m.seq());
          return Optional.of(
              new MissedItem(
                  m.kind(),
                  "#ops",
                  msg.senderId(),
                  msg.body(),
                  "/rooms/" + m.roomId() + "?at=" + m.seq(),
                  "10:00"));
        },
        clock,
        Duration.ofMinutes(10));
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  private long post(String who, String text) {
    return messages.send(who, room.id(), text, "c" + ids.incrementAndGet(), null).message().seq();
  }

  @Test
  void mentionsMissedWhileAwayArriveAsOneDigestWithLinksAndOneClickUnsubscribe() throws Exception {
    away.choose("ada", "ada@example.com", EmailFrequency.SOON, true, false);
    post("bob", "@ada the <b>deploy</b> failed");
    clock.advance(Duration.ofMinutes(1));
    post("bob", "@ada it is fixed");
    post("bob", "a message for nobody");
    assertEquals(0, away.sendDue(), "not before the wait");
    clock.advance(Duration.ofMinutes(10));
    assertEquals(1, away.sendDue());
    assertEquals(0, away.sendDue(), "once");

    MimeMessage[] got = SMTP.getReceivedMessages();
    assertEquals(1, got.length);
    MimeMessage mail = got[0];
    assertEquals("ada@example.com", mail.getAllRecipients()[0].toString());
    assertEquals("Parley: 2 mentions while you were away", mail.getSubject());
    String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
    assertTrue(unsubscribe.startsWith("<https://chat.example.com/unsubscribe/"), unsubscribe);
    assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    String text = GreenMailUtil.getBody(parts.getBodyPart(0));
    String html = GreenMailUtil.getBody(parts.getBodyPart(1));
    assertTrue(text.contains("it is fixed") && text.contains("the <b>deploy</b> failed"), text);
    assertTrue(text.contains("https://chat.example.com/rooms/" + room.id() + "?at=1"), text);
    assertTrue(html.contains("&lt;b&gt;deploy&lt;/b&gt;"), "user text escaped in HTML: " + html);
    assertFalse(html.contains("<b>deploy"), html);
    assertFalse(text.contains("for nobody"));

    String token =
        unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1, unsubscribe.length() - 1);
    assertFalse(away.unsubscribe(token.substring(0, token.length() - 2) + "xx"), "forged");
    assertTrue(away.unsubscribe(token));
    assertEquals(EmailFrequency.NEVER, away.settingsOf("ada").frequency());
  }

  @Test
  void nobodyIsEmailedWhoReadItInTimeIsOnlineOrMutedTheRoom() throws Exception {
    for (String who : List.of("ada", "cy")) {
      away.choose(who, who + "@example.com", EmailFrequency.SOON, true, false);
    }
    long seq = post("bob", "@ada @cy standup?");
    receipts.raise("ada", room.id(), new Watermark(seq, seq)); // ada read it
    online.add("cy");
    clock.advance(Duration.ofMinutes(11));
    assertEquals(0, away.sendDue());
    online.clear();
    rooms.memberships().setNotify("cy", room.id(), Notify.NOTHING);
    assertEquals(0, away.sendDue());
    assertEquals(0, SMTP.getReceivedMessages().length);
  }

  @Test
  void hourlyWaitsAnHourAfterTheLastEmailAndTextCanBeLeftOut() throws Exception {
    away.choose("ada", "ada@example.com", EmailFrequency.HOURLY, false, false);
    post("bob", "@ada secret plans");
    clock.advance(Duration.ofMinutes(11));
    assertEquals(1, away.sendDue());
    post("bob", "@ada more secret plans");
    clock.advance(Duration.ofMinutes(11));
    assertEquals(0, away.sendDue(), "within the hour");
    clock.advance(Duration.ofMinutes(50));
    assertEquals(1, away.sendDue());
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      String all = GreenMailUtil.getWholeMessage(m);
      assertFalse(all.contains("secret plans"), "no text when asked for none");
      assertTrue(all.contains("/rooms/" + room.id()), "but the links");
    }
  }

  @Test
  void aFailedSendIsCountedAndTriedAgain() throws Exception {
    away.choose("ada", "ada@example.com", EmailFrequency.SOON, true, false);
    post("bob", "@ada ping");
    clock.advance(Duration.ofMinutes(11));
    AwayEmails broken = away("https://chat.example.com/");
    SMTP.stop();
    assertEquals(0, broken.sendDue());
    assertEquals(1, broken.failures());
    SMTP.start();
    assertEquals(1, away("https://chat.example.com/").sendDue(), "the entry stayed for a retry");
  }

  @Test
  void withoutAnAddressOrWithNeverNothingIsNoted() {
    post("bob", "@ada hello");
    away.choose("cy", "cy@example.com", EmailFrequency.NEVER, true, false);
    post("bob", "@cy hello");
    clock.advance(Duration.ofMinutes(11));
    assertEquals(0, away.sendDue());
    assertEquals(0, SMTP.getReceivedMessages().length);
  }

  @Test
  void aMentionIsPushedAtOnceToEveryDeviceInsteadOfEmailedAndGoneDevicesAreDropped()
      throws Exception {
    try (io.parley.testing.WebhookReceiver service = io.parley.testing.WebhookReceiver.start()) {
      var vapid = new io.parley.push.VapidKeys(io.parley.push.VapidKeys.newPair(), "mailto:x@y");
      AwayPushes pushes =
          new AwayPushes(
              new io.parley.mongo.MongoPushSubscriptionStore(wire.db()),
              new io.parley.push.WebPushSender(vapid, url -> url, clock),
              presence(),
              clock,
              () -> "dev" + ids.incrementAndGet());
      away.pushingWith(pushes);
      away.choose("ada", "ada@example.com", EmailFrequency.SOON, true, false);
      io.parley.testing.PushBrowser laptop = new io.parley.testing.PushBrowser();
      io.parley.testing.PushBrowser phone = new io.parley.testing.PushBrowser();
      subscribe(pushes, laptop, service.url("/laptop"));
      subscribe(pushes, phone, service.url("/phone"));

      service.answer(201, null).answer(410, null); // the phone's subscription has expired
      post("bob", "@ada lunch at noon?");
      var toLaptop = service.next(Duration.ofSeconds(5)); // devices are pushed in the order added
      var toPhone = service.next(Duration.ofSeconds(5));
      String shown = laptop.decrypt(toLaptop.raw());
      assertTrue(shown.contains("\"title\":\"bob mentioned you in #ops\""), shown);
      assertTrue(shown.contains("lunch at noon?"), shown);
      assertTrue(phone.decrypt(toPhone.raw()).contains("lunch at noon?"), "each device its own");
      assertEquals(
          1, pushes.devices("ada").size(), "the device whose subscription is gone was dropped");

      clock.advance(Duration.ofMinutes(11));
      assertEquals(0, away.sendDue(), "pushed, so not emailed too");

      online.add("ada");
      post("bob", "@ada are you there?");
      assertEquals(null, service.next(Duration.ofMillis(500)), "online: nothing pushed");
      online.clear();
      rooms.memberships().setNotify("ada", room.id(), Notify.NOTHING);
      post("bob", "@ada in a muted room");
      assertEquals(null, service.next(Duration.ofMillis(500)), "muted: nothing pushed");
    }
  }

  private static void subscribe(AwayPushes pushes, io.parley.testing.PushBrowser b, String url) {
    var sub =
        jakarta.json.Json.createReader(new java.io.StringReader(b.subscription(url, "x")))
            .readObject();
    pushes.subscribe(
        "ada",
        url,
        sub.getJsonObject("keys").getString("p256dh"),
        sub.getJsonObject("keys").getString("auth"),
        "x");
  }

  private PresenceDirectory presence() {
    return new PresenceDirectory() {
      @Override
      public boolean admit(String tabId, String userId, PresenceState state, int limit) {
        return true;
      }

      @Override
      public void report(String tabId, String userId, PresenceState state) {}

      @Override
      public void closed(String tabId, String userId) {}

      @Override
      public PresenceState stateOf(String userId) {
        return online.contains(userId) ? PresenceState.ONLINE : PresenceState.OFFLINE;
      }

      @Override
      public List<ConnectionPresence> connectionsOf(String userId) {
        return List.of();
      }

      @Override
      public Optional<Instant> lastSeen(String userId) {
        return Optional.empty();
      }

      @Override
      public io.parley.common.Broadcast.Subscription subscribe(
          java.util.function.Consumer<String> consumer) {
        return io.parley.common.Broadcast.Subscription.NONE;
      }
    };
  }
}
