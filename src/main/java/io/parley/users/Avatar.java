package io.parley.users;

import io.parley.common.DomainException;

/** A profile picture: a small PNG, JPEG, GIF or WebP, its type read from its bytes. */
public record Avatar(String contentType, byte[] bytes, String version) {

  public static final int MAX_BYTES = 256 * 1024;

  /**
   * Checks the upload and names its type from its first bytes; what the browser claimed is ignored.
   */
  public static Avatar of(byte[] bytes, String version) {
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid("choose an image file");
    }
    if (bytes.length > MAX_BYTES) {
      throw DomainException.invalid("an avatar must be at most " + MAX_BYTES / 1024 + " KiB");
    }
    return new Avatar(sniff(bytes), bytes.clone(), version);
  }

  private static String sniff(byte[] b) {
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "image/png";
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (b.length >= 12
        && starts(b, 'R', 'I', 'F', 'F')
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return "image/webp";
    }
    throw DomainException.invalid("an avatar must be a PNG, JPEG, GIF or WebP image");
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
