package io.parley.emoji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.mongo.MongoAvatarStore;
import io.parley.mongo.MongoCustomEmojiStore;
import io.parley.mongo.MongoUserDirectory;
import io.parley.render.EmojiCatalogue;
import io.parley.render.Markdown;
import io.parley.testing.RecordingAuditLog;
import io.parley.testing.TestRoles;
import io.parley.testing.WireStore;
import io.parley.users.UserClaims;
import io.parley.users.UserService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Custom emoji over the real store (wire protocol, in memory), drawn and rendered. */
class CustomEmojisTest {

  private final WireStore wire = new WireStore();
  private final UserService users =
      new UserService(
          new MongoUserDirectory(wire.db()),
          new MongoAvatarStore(wire.db()),
          Clock.systemUTC(),
          () -> "v");
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final CustomEmojis emoji =
      new CustomEmojis(
          new MongoCustomEmojiStore(wire.db()),
          users,
          audit,
          Clock.systemUTC(),
          name -> EmojiCatalogue.get().byShortcode(name).isPresent());

  CustomEmojisTest() {
    users.signIn(new UserClaims("root", "root", "r@x", "Root", Set.of()));
    users.signIn(new UserClaims("ada", "ada", "a@x", "Ada", Set.of()));
    TestRoles.give(users, Set.of("root"), Set.of());
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  static byte[] png(int side) throws Exception {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(1, 1, 0xff00ff00);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void anAdministratorAddsOneDrawnAnewAndOnlyAdministratorsMayAndNamesAreTheirs() throws Exception {
    emoji.add("root", "Party-Parrot", png(300));
    assertTrue(emoji.exists("party-parrot"));
    BufferedImage drawn =
        ImageIO.read(new ByteArrayInputStream(emoji.picture("party-parrot").orElseThrow()));
    assertEquals(CustomEmojis.SIDE, drawn.getWidth(), "scaled to 64 a side");
    assertEquals("emoji.added", audit.entries().get(0).action());

    assertThrows(DomainException.class, () -> emoji.add("ada", "mine", png(10)), "admins only");
    assertThrows(DomainException.class, () -> emoji.add("root", "tada", png(10)), "standard");
    assertThrows(DomainException.class, () -> emoji.add("root", "party-parrot", png(10)), "taken");
    assertThrows(DomainException.class, () -> emoji.add("root", "x", png(10)), "too short");
    assertThrows(
        DomainException.class,
        () -> emoji.add("root", "script", "<svg onload=alert(1)>".getBytes()),
        "not a picture");
    assertThrows(
        DomainException.class,
        () -> emoji.add("root", "huge", new byte[CustomEmojis.MAX_BYTES + 1]));

    emoji.remove("root", "party-parrot");
    assertFalse(emoji.exists("party-parrot"));
    assertTrue(emoji.picture("party-parrot").isEmpty());
  }

  @Test
  void messagesShowACustomEmojiAsItsPictureAndTextStaysEscaped() throws Exception {
    emoji.add("root", "shipit", png(20));
    Markdown markdown = new Markdown(EmojiCatalogue.get(), emoji::names);
    String html = markdown.html(":shipit: <b>now</b> :tada: :unknown:", Set.of());
    assertTrue(html.contains("<img ") && html.contains("src=\"/emoji/shipit\""), html);
    assertTrue(html.contains("alt=\":shipit:\"") && html.contains("class=\"emoji custom\""), html);
    assertTrue(html.contains("&lt;b&gt;now&lt;/b&gt;"), html);
    assertTrue(html.contains("🎉") && html.contains(":unknown:"), html);
  }
}
