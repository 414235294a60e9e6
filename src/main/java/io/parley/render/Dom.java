package io.parley.render;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Element names built from ids that may hold any character (token subjects). */
public final class Dom {

  private Dom() {}

  /** A class/id-safe key for the id: letters and digits only, distinct for distinct ids. */
  public static String key(String id) {
    return "k" + HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8));
  }
}
