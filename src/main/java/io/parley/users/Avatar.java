package io.parley.users;

import io.parley.common.DomainException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A profile picture, always a PNG of at most {@link #MAX_SIDE} pixels a side that Parley drew
 * itself: an upload (PNG, JPEG or GIF) is decoded and re-encoded, so what is served is a picture
 * and nothing else (no script behind an image header, no metadata such as GPS position).
 */
public record Avatar(String contentType, byte[] bytes, String version) {

  public static final int MAX_BYTES = 256 * 1024;
  public static final int MAX_SIDE = 256;

  /** Larger pictures are refused before decoding (a small file can claim a huge canvas). */
  static final long MAX_SOURCE_PIXELS = 40_000_000;

  /** Decodes the upload and draws it anew; what the browser claimed is ignored. */
  public static Avatar of(byte[] bytes, String version) {
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid("choose an image file");
    }
    if (bytes.length > MAX_BYTES) {
      throw DomainException.invalid("an avatar must be at most " + MAX_BYTES / 1024 + " KiB");
    }
    return new Avatar("image/png", png(scaled(decode(bytes))), version);
  }

  private static BufferedImage decode(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers =
          in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw notAnImage();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("png") && !format.equals("jpeg") && !format.equals("gif")) {
          throw notAnImage();
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
      throw notAnImage();
    }
  }

  private static BufferedImage scaled(BufferedImage source) {
    int width = source.getWidth();
    int height = source.getHeight();
    double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
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

  private static DomainException notAnImage() {
    return DomainException.invalid("an avatar must be a PNG, JPEG or GIF image");
  }
}
