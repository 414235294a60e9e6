package io.parley.common;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Uploaded pictures drawn anew: decoded (only the formats allowed, refused past 40 megapixels
 * before decoding, since a small file can claim a huge canvas), scaled to fit a square, and encoded
 * as a PNG, so what is served is pixels and nothing else (no script behind an image header, no
 * metadata such as a GPS position).
 */
public final class Pictures {

  /** Larger pictures are refused before decoding. */
  public static final long MAX_SOURCE_PIXELS = 40_000_000;

  private Pictures() {}

  /**
   * The upload as a PNG of at most {@code maxSide} pixels a side; {@code what} names it in refusals
   * ("an avatar", "an emoji").
   */
  public static byte[] redrawn(
      byte[] bytes, int maxBytes, int maxSide, Set<String> formats, String what) {
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid("choose an image file");
    }
    if (bytes.length > maxBytes) {
      throw DomainException.invalid(what + " must be at most " + maxBytes / 1024 + " KiB");
    }
    return png(scaled(decode(bytes, formats, what), maxSide));
  }

  private static BufferedImage decode(byte[] bytes, Set<String> formats, String what) {
    DomainException notAnImage =
        DomainException.invalid(what + " must be a " + names(formats) + " image");
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers =
          in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw notAnImage;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if (!formats.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
          throw notAnImage;
        }
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_SOURCE_PIXELS) {
          throw DomainException.invalid("that picture is too large: at most 40 megapixels");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DomainException d) {
        throw d;
      }
      throw notAnImage;
    }
  }

  /** "PNG or GIF", "PNG, JPEG or GIF". */
  static String names(Set<String> formats) {
    java.util.List<String> named =
        java.util.stream.Stream.of("png", "jpeg", "gif", "bmp", "wbmp")
            .filter(formats::contains)
            .map(f -> f.toUpperCase(Locale.ROOT))
            .toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    return String.join(", ", named.subList(0, named.size() - 1))
        + " or "
        + named.get(named.size() - 1);
  }

  private static BufferedImage scaled(BufferedImage source, int maxSide) {
    int width = source.getWidth();
    int height = source.getHeight();
    double factor = Math.min(1.0, (double) maxSide / Math.max(width, height));
    int w = Math.max(1, (int) Math.round(width * factor));
    int h = Math.max(1, (int) Math.round(height * factor));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(source, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a PNG", e);
    }
    return out.toByteArray();
  }
}
