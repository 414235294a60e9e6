package io.parley.files;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Thumbnails of shared images, made on the server: the image is decoded (only PNG, JPEG, GIF and
 * BMP, and only up to {@link #MAX_PIXELS}, checked from the header before decoding, so a
 * decompression bomb is refused cheaply) and re-encoded as a PNG at most {@link #MAX_SIDE} pixels a
 * side. What the browser shows inline is therefore always an image Parley drew, never the upload.
 *
 * <p>Memory is bounded three ways: the decoder reads every n-th pixel of every n-th row
 * (subsampling), so the decoded image is never much bigger than twice the thumbnail; what it would
 * still hold, by the bytes per pixel of the image's own type, is capped at {@link
 * #MAX_DECODED_BYTES}; and at most {@link #CONCURRENT_DECODES} images are decoded at once on a
 * node.
 */
public final class Thumbnails {

  public static final int MAX_SIDE = 320;
  static final long MAX_PIXELS = 40_000_000;
  static final long MAX_DECODED_BYTES = 16L * 1024 * 1024;
  static final int CONCURRENT_DECODES = 2;
  private static final java.util.concurrent.Semaphore DECODES =
      new java.util.concurrent.Semaphore(CONCURRENT_DECODES, true);
  private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "bmp");

  /** A thumbnail: PNG bytes and its size. */
  public record Thumbnail(byte[] png, int width, int height) {}

  private Thumbnails() {}

  /** The thumbnail of an image, or empty if the data is not an image Parley will decode. */
  public static Optional<Thumbnail> of(InputStream data) throws IOException {
    try {
      if (!DECODES.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)) {
        return Optional.empty(); // too busy: the image is shared without a thumbnail
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    try {
      return decode(data);
    } finally {
      DECODES.release();
    }
  }

  private static Optional<Thumbnail> decode(InputStream data) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(data)) {
      if (in == null) {
        return Optional.empty();
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        if (!FORMATS.contains(reader.getFormatName().toLowerCase(java.util.Locale.ROOT))) {
          return Optional.empty();
        }
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
        if (pixels <= 0 || pixels > MAX_PIXELS) {
          return Optional.empty();
        }
        // Read every step-th pixel: the decoded image is at most about twice the thumbnail a side.
        int step = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
        long decodedPixels = (long) ceilDiv(width, step) * ceilDiv(height, step);
        if (decodedPixels * bytesPerPixel(reader) > MAX_DECODED_BYTES) {
          return Optional.empty();
        }
        javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return Optional.of(scaled(reader.read(0, param)));
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // a damaged or hostile image is shared as a plain file
      } finally {
        reader.dispose();
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** What one decoded pixel of this image costs in memory (at least 4: it is drawn as ARGB). */
  private static long bytesPerPixel(ImageReader reader) throws IOException {
    javax.imageio.ImageTypeSpecifier type = reader.getRawImageType(0);
    if (type == null) {
      return 8;
    }
    int bits = 0;
    for (int band = 0; band < type.getNumBands(); band++) {
      bits += type.getBitsPerBand(band);
    }
    return Math.max(4, (bits + 7) / 8);
  }

  private static Thumbnail scaled(BufferedImage image) throws IOException {
    double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(out, "png", png);
    return new Thumbnail(png.toByteArray(), width, height);
  }
}
