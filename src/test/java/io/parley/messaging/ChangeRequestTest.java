package io.parley.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each change does to a message, and what it refuses. */
class ChangeRequestTest {

  private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

  private static ChangeRequest change(
      String actor, MessageChange.Kind kind, String body, String emoji, Duration window) {
    return new ChangeRequest(
        "r",
        1,
        actor,
        "c-" + kind,
        kind,
        body,
        body == null ? null : "<p>" + body + "</p>",
        List.of(),
        emoji,
        window,
        false);
  }

  private final Message original = TestMessages.message("r", 1);

  @Test
  void theAuthorEditsWithinTheWindowOnly() {
    Message edited =
        change(original.senderId(), MessageChange.Kind.EDITED, "new", null, Duration.ZERO)
            .apply(original, LATER);
    assertEquals("new", edited.body());
    assertEquals("<p>new</p>", edited.html());
    assertEquals(LATER, edited.editedAt());
    var refused =
        assertThrows(
            DomainException.class,
            () ->
                change(
                        original.senderId(),
                        MessageChange.Kind.EDITED,
                        "x",
                        null,
                        Duration.ofMinutes(15))
                    .apply(original, LATER));
    assertEquals(DomainException.Kind.FORBIDDEN, refused.kind());
    assertTrue(refused.getMessage().contains("15 min"), refused.getMessage());
    assertThrows(
        DomainException.class,
        () -> change("mallory", MessageChange.Kind.EDITED, "x", null, null).apply(original, LATER));
  }

  @Test
  void deletingLeavesATombstoneWithoutTextOrFiles() {
    Message withExtras = original.withReactions(Map.of("👍", List.of("bob"))).withPin("bob");
    Message gone =
        change(original.senderId(), MessageChange.Kind.DELETED, null, null, null)
            .apply(withExtras, LATER);
    assertTrue(gone.deleted());
    assertEquals("", gone.body());
    assertNull(gone.html());
    assertTrue(gone.reactions().isEmpty());
    assertTrue(gone.files().isEmpty());
    assertNull(gone.pinnedBy());
    assertEquals(original.seq(), gone.seq(), "it keeps its place");
    assertThrows(
        DomainException.class,
        () -> change("bob", MessageChange.Kind.REACTED, null, "👍", null).apply(gone, LATER),
        "nothing changes a deleted message");
  }

  @Test
  void reactionsToggleAndKeepTheirOrder() {
    Message one =
        change("bob", MessageChange.Kind.REACTED, null, "👍", null).apply(original, LATER);
    Message two = change("eve", MessageChange.Kind.REACTED, null, "🎉", null).apply(one, LATER);
    Message three = change("eve", MessageChange.Kind.REACTED, null, "👍", null).apply(two, LATER);
    assertEquals(Map.of("👍", List.of("bob", "eve"), "🎉", List.of("eve")), three.reactions());
    assertEquals(List.of("👍", "🎉"), List.copyOf(three.reactions().keySet()));
    Message back = change("bob", MessageChange.Kind.REACTED, null, "👍", null).apply(three, LATER);
    Message none = change("eve", MessageChange.Kind.REACTED, null, "👍", null).apply(back, LATER);
    assertEquals(Map.of("🎉", List.of("eve")), none.reactions());
  }

  @Test
  void pinningTwiceChangesNothing() {
    Message pinned =
        change("bob", MessageChange.Kind.PINNED, null, null, null).apply(original, LATER);
    assertEquals("bob", pinned.pinnedBy());
    assertEquals(
        pinned, change("eve", MessageChange.Kind.PINNED, null, null, null).apply(pinned, LATER));
    assertNull(
        change("eve", MessageChange.Kind.UNPINNED, null, null, null)
            .apply(pinned, LATER)
            .pinnedBy());
  }
}
