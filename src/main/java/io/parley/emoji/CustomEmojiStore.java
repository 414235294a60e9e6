package io.parley.emoji;

import java.util.List;
import java.util.Optional;

/** Custom emoji and their pictures (PNGs Parley drew). */
public interface CustomEmojiStore {

  /** Adds it; false when the name is taken. */
  boolean add(CustomEmoji emoji, byte[] png);

  List<CustomEmoji> all();

  Optional<byte[]> picture(String name);

  boolean delete(String name);
}
