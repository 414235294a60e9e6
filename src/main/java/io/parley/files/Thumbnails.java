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
 */
public final class Thumbnails {

  public static final int MAX_SIDE = 320;
  static final long MAX_PIXELS = 40_000_000;
  private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "bmp");

  /** A thumbnail: PNG bytes and its size. */
  public record Thumbnail(byte[] png, int width, int height) {}

  private Thumbnails() {}

  /** The thumbnail of an image, or empty if the data is not an image Parley will decode. */
  public static Optional<Thumbnail> of(InputStream data) throws IOException {
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
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels <= 0 || pixels > MAX_PIXELS) {
          return Optional.empty();
        }
        return Optional.of(scaled(reader.read(0)));
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // a damaged or hostile image is shared as a plain file
      } finally {
        reader.dispose();
      }
    }
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
