package io.parley.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Parley calls {@code url} for the messages of one room: every message, or those whose first word
 * is one of {@code triggers}. Each call is signed with {@code secret} (kept: signing needs it;
 * shown to the moderator once). A reply in the answer is posted as the bot {@code botId}.
 */
public record OutgoingHook(
    String id,
    String roomId,
    String name,
    String botId,
    String url,
    List<String> triggers,
    String secret,
    String createdBy,
    Instant createdAt) {

  public OutgoingHook {
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
  }

  /** The trigger word the body starts with, "" when the hook takes every message, or null. */
  public String triggeredBy(String body) {
    if (triggers.isEmpty()) {
      return "";
    }
    String first = body == null ? "" : body.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return triggers.stream().filter(first::equals).findFirst().orElse(null);
  }
}
