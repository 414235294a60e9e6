package io.parley.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.mongo.GridFsFileStore;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.testing.InMemoryRoomDirectory;
import io.parley.testing.WireStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Files in GridFS on the embedded MongoDB-wire store, through the driver, as the server keeps them.
 */
class GridFsFilesTest {

  private final WireStore wire = new WireStore();
  private final GridFsFileStore store = new GridFsFileStore(wire.db());
  private final RoomService rooms = new RoomService(new InMemoryRoomDirectory(), Clock.systemUTC());
  private final FileService files = new FileService(rooms, store, 1024 * 1024);

  @AfterEach
  void stop() {
    wire.close();
  }

  static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void aFileIsStreamedInAndOutAndReadOnlyByThoseWhoMayReadItsRoom() throws IOException {
    String room = rooms.lifecycle().create("ada", "private", RoomType.PRIVATE).id();
    byte[] data = new byte[700_000]; // several GridFS chunks
    new Random(7).nextBytes(data);
    StoredFile stored =
        files.upload(
            "ada",
            room,
            "../../etc/report.bin",
            "application/x-thing",
            new ByteArrayInputStream(data));
    assertEquals("report.bin", stored.name(), "no path in a name");
    assertEquals(data.length, stored.size());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.copy(files.readable("ada", stored.id()), out);
    assertArrayEquals(data, out.toByteArray());
    var hidden = assertThrows(DomainException.class, () -> files.readable("mallory", stored.id()));
    assertEquals(DomainException.Kind.NOT_FOUND, hidden.kind());
    assertThrows(DomainException.class, () -> files.attach("mallory", room, List.of(stored.id())));
    files.discard(List.of(stored.attachment()));
    assertTrue(store.find(stored.id()).isEmpty(), "deleted with its message");
  }

  @Test
  void overTheLimitNothingIsKept() {
    String room = rooms.lifecycle().create("ada", "big", RoomType.PUBLIC).id();
    byte[] data = new byte[1024 * 1024 + 1];
    var refused =
        assertThrows(
            FileTooLargeException.class,
            () -> files.upload("ada", room, "big.bin", null, new ByteArrayInputStream(data)));
    assertTrue(refused.getMessage().contains("at most 1 MB"), refused.getMessage());
    assertEquals(0, wire.db().getCollection("files.files").countDocuments());
    assertEquals(
        0, wire.db().getCollection("files.chunks").countDocuments(), "no chunk left behind");
  }

  @Test
  void imagesGetAReEncodedBoundedThumbnail() throws IOException {
    String room = rooms.lifecycle().create("ada", "pictures", RoomType.PUBLIC).id();
    StoredFile image =
        files.upload(
            "ada", room, "wide.png", "image/png", new ByteArrayInputStream(png(1000, 250)));
    assertEquals(320, image.width());
    assertEquals(80, image.height());
    try (InputStream in = store.open(image.thumbnailId())) {
      BufferedImage thumb = ImageIO.read(in);
      assertEquals(320, thumb.getWidth());
    }
    StoredFile notAnImage =
        files.upload(
            "ada",
            room,
            "fake.png",
            "image/png",
            new ByteArrayInputStream("<svg onload=x>".getBytes()));
    assertEquals(null, notAnImage.thumbnailId(), "shared as a plain file");
  }

  @Test
  void uploadsNoMessageTookExpireAndAttachedOnesStay() {
    String room = rooms.lifecycle().create("ada", "general", RoomType.PUBLIC).id();
    StoredFile kept =
        files.upload("ada", room, "kept.txt", "text/plain", new ByteArrayInputStream(new byte[10]));
    StoredFile left =
        files.upload("ada", room, "left.txt", "text/plain", new ByteArrayInputStream(new byte[10]));
    files.attach("ada", room, List.of(kept.id()));
    java.time.Instant later = java.time.Instant.now().plus(java.time.Duration.ofHours(25));
    assertEquals(
        0, files.expireUnattached(java.time.Instant.now(), java.time.Duration.ofHours(24)));
    assertEquals(1, files.expireUnattached(later, java.time.Duration.ofHours(24)));
    assertTrue(store.find(left.id()).isEmpty(), "the abandoned upload is gone");
    assertTrue(store.find(kept.id()).isPresent(), "the one a message carries stays");
  }

  @Test
  void eachPersonHasAQuota() {
    String room = rooms.lifecycle().create("ada", "general", RoomType.PUBLIC).id();
    files.quota(1500);
    files.upload("ada", room, "a.bin", "x/y", new ByteArrayInputStream(new byte[1000]));
    DomainException over =
        assertThrows(
            DomainException.class,
            () ->
                files.upload("ada", room, "b.bin", "x/y", new ByteArrayInputStream(new byte[600])));
    assertEquals(DomainException.Kind.CONFLICT, over.kind());
    assertTrue(over.getMessage().contains("left of your space"), over.getMessage());
    files.upload("ada", room, "c.bin", "x/y", new ByteArrayInputStream(new byte[500]));
    assertThrows(
        DomainException.class,
        () -> files.upload("ada", room, "d.bin", "x/y", new ByteArrayInputStream(new byte[1])));
    rooms.memberships().join("bob", room);
    files.upload("bob", room, "e.bin", "x/y", new ByteArrayInputStream(new byte[1000]));
  }

  @Test
  void bidiControlsAreStrippedFromNames() {
    assertEquals("invoicefdp.exe", FileService.safeName("invoice\u202Efdp.exe"));
    assertEquals("ab.txt", FileService.safeName("a\u2066b\u2069.txt"));
  }
}
