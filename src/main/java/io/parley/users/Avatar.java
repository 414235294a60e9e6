package io.parley.users;

import io.parley.common.Pictures;
import java.util.Set;

/**
 * A profile picture, always a PNG of at most {@link #MAX_SIDE} pixels a side that Parley drew
 * itself ({@link Pictures}): an upload (PNG, JPEG or GIF) is decoded and re-encoded.
 */
public record Avatar(String contentType, byte[] bytes, String version) {

  public static final int MAX_BYTES = 256 * 1024;
  public static final int MAX_SIDE = 256;

  /** Decodes the upload and draws it anew; what the browser claimed is ignored. */
  public static Avatar of(byte[] bytes, String version) {
    return new Avatar(
        "image/png",
        Pictures.redrawn(bytes, MAX_BYTES, MAX_SIDE, Set.of("png", "jpeg", "gif"), "an avatar"),
        version);
  }
}
