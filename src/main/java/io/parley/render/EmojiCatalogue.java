package io.parley.render;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emoji people react with and write as {@code :shortcode:}, from the emojibase-data package
 * (Unicode's emoji, with names and GitHub's shortcodes), copied onto the class path at build time.
 */
public final class EmojiCatalogue {

  /** One emoji: the character(s), its name, and its first shortcode (may be null). */
  public record Emoji(String unicode, String label, String shortcode) {}

  /** The reactions offered on every message before the picker is opened. */
  private static final List<String> QUICK =
      List.of(
          "\uD83D\uDC4D",
          "\u2764\uFE0F",
          "\uD83D\uDE02",
          "\uD83C\uDF89",
          "\uD83D\uDE2E",
          "\uD83D\uDE22");

  private static final String[] GROUPS = {
    "Smileys & emotion", "People & body", "Components", "Animals & nature", "Food & drink",
    "Travel & places", "Activities", "Objects", "Symbols", "Flags"
  };

  private static final EmojiCatalogue DEFAULT = load();

  private final Map<String, String> byShortcode;
  private final Map<String, String> canonical;
  private final Map<String, List<Emoji>> groups;
  private final Map<String, String> labels;

  private EmojiCatalogue(
      Map<String, String> byShortcode,
      Map<String, String> canonical,
      Map<String, List<Emoji>> groups,
      Map<String, String> labels) {
    this.byShortcode = byShortcode;
    this.canonical = canonical;
    this.groups = groups;
    this.labels = labels;
  }

  public static EmojiCatalogue get() {
    return DEFAULT;
  }

  /**
   * The catalogue's form of one emoji (skin tones included), typed with or without the emoji
   * variation selector (U+FE0F), so "👍" and "👍️" are one reaction; null if it is not one.
   */
  public String canonical(String emoji) {
    return emoji == null ? null : canonical.get(emoji);
  }

  /** The emoji a shortcode (without colons) stands for. */
  public Optional<String> byShortcode(String shortcode) {
    return Optional.ofNullable(byShortcode.get(shortcode));
  }

  /** Up to {@code limit} emoji whose shortcode starts with {@code prefix}, shortest first. */
  public List<Emoji> startingWith(String prefix, int limit) {
    return byShortcode.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .sorted(
            java.util.Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().length())
                .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(e -> new Emoji(e.getValue(), label(e.getValue()), e.getKey()))
        .toList();
  }

  /** The picker's emoji by group, in Unicode's order (base forms, no skin tones). */
  public Map<String, List<Emoji>> groups() {
    return groups;
  }

  /** The reactions offered on every message before the picker is opened. */
  public List<Emoji> quick() {
    return QUICK.stream().map(this::canonical).map(e -> new Emoji(e, label(e), null)).toList();
  }

  /** The emoji's name ("thumbs up"), or the emoji itself if unknown. */
  public String label(String emoji) {
    return labels.getOrDefault(emoji, emoji);
  }

  private static EmojiCatalogue load() {
    JsonArray data = read("emoji/compact.json").asJsonArray();
    JsonObject codes = read("emoji/shortcodes/github.json").asJsonObject();
    Map<String, String> byShortcode = new HashMap<>();
    Map<String, String> canonical = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    Map<String, List<Emoji>> groups = new LinkedHashMap<>();
    List<JsonObject> ordered = new ArrayList<>();
    data.forEach(v -> ordered.add(v.asJsonObject()));
    ordered.sort(java.util.Comparator.comparingInt(o -> o.getInt("order", Integer.MAX_VALUE)));
    for (JsonObject e : ordered) {
      String unicode = e.getString("unicode");
      know(canonical, unicode);
      labels.put(unicode, e.getString("label", unicode));
      List<String> shortcodes = shortcodes(codes.get(e.getString("hexcode")));
      shortcodes.forEach(code -> byShortcode.putIfAbsent(code, unicode));
      if (e.containsKey("skins")) {
        for (JsonValue skin : e.getJsonArray("skins")) {
          String tone = skin.asJsonObject().getString("unicode");
          know(canonical, tone);
          labels.put(tone, skin.asJsonObject().getString("label", tone));
        }
      }
      if (e.containsKey("group") && e.getInt("group") != 2) {
        groups
            .computeIfAbsent(GROUPS[e.getInt("group")], g -> new ArrayList<>())
            .add(
                new Emoji(
                    unicode,
                    e.getString("label", unicode),
                    shortcodes.isEmpty() ? null : shortcodes.get(0)));
      }
    }
    groups.replaceAll((g, list) -> List.copyOf(list));
    return new EmojiCatalogue(
        Map.copyOf(byShortcode),
        Map.copyOf(canonical),
        Collections.unmodifiableMap(groups),
        Map.copyOf(labels));
  }

  private static void know(Map<String, String> canonical, String unicode) {
    canonical.put(unicode, unicode);
    canonical.putIfAbsent(unicode.replace("\uFE0F", ""), unicode);
  }

  private static List<String> shortcodes(JsonValue value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof JsonString s) {
      return List.of(s.getString());
    }
    return value.asJsonArray().getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static JsonValue read(String resource) {
    try (InputStream in = EmojiCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      try (JsonReader reader = Json.createReader(in)) {
        return reader.readValue();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
