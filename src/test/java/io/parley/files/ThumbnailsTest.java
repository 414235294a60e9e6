package io.parley.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** A small file that declares a huge image must not take the heap to make its thumbnail. */
class ThumbnailsTest {

  /** A valid PNG of {@code side}×{@code side} RGBA pixels, all transparent: ~140 KB at 6000. */
  static byte[] hugePng(int side) throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(file);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream h = new DataOutputStream(ihdr);
    h.writeInt(side);
    h.writeInt(side);
    h.write(new byte[] {8, 6, 0, 0, 0}); // 8 bits, RGBA, deflate, no filter method, no interlace
    chunk(out, "IHDR", ihdr.toByteArray());
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
      byte[] row = new byte[1 + side * 4]; // filter byte "none", then transparent pixels
      for (int y = 0; y < side; y++) {
        z.write(row);
      }
    }
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return file.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    out.writeInt(data.length);
    byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  private static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  /** The thumbnail's size and the bytes its thread allocated making it. */
  private record Made(Optional<Thumbnails.Thumbnail> thumbnail, long allocated) {}

  private static Made make(byte[] png) throws IOException {
    long before = allocatedByThisThread();
    Optional<Thumbnails.Thumbnail> t = Thumbnails.of(new ByteArrayInputStream(png));
    return new Made(t, allocatedByThisThread() - before);
  }

  @Test
  void aSmallFileDeclaringSixThousandSquarePixelsIsReadSubsampled() throws Exception {
    byte[] png = hugePng(6000);
    assertTrue(png.length < 400_000, "the test file is small: " + png.length);
    Made made = make(png);
    System.out.printf(
        "thumbnail of a %d-byte PNG declaring 6000x6000 RGBA: %.1f MB allocated%n",
        png.length, made.allocated() / 1048576.0);
    assertTrue(made.thumbnail().isPresent(), "it still gets a thumbnail");
    assertEquals(Thumbnails.MAX_SIDE, made.thumbnail().get().width());
    // Whole, the image is 144 MB of pixels; subsampled, a few MB at most (plus inflater buffers).
    assertTrue(
        made.allocated() < 48L * 1024 * 1024,
        "allocated " + made.allocated() / (1024 * 1024) + " MB for one thumbnail");
  }

  @Test
  void severalAtOnceStayBoundedEach() throws Exception {
    byte[] png = hugePng(6000);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Made>> made = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        made.add(pool.submit(() -> make(png)));
      }
      for (Future<Made> f : made) {
        Made m = f.get();
        assertTrue(m.thumbnail().isPresent());
        assertTrue(
            m.allocated() < 48L * 1024 * 1024,
            "allocated " + m.allocated() / (1024 * 1024) + " MB");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anOrdinaryImageKeepsItsProportions() throws Exception {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(800, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    Thumbnails.Thumbnail t = make(png.toByteArray()).thumbnail().orElseThrow();
    assertEquals(320, t.width());
    assertEquals(160, t.height());
  }
}
