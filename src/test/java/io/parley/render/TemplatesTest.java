package io.parley.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.messaging.Message;
import io.parley.users.User;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The message fragment, rendered from the real templates, as every path uses it. */
class TemplatesTest {

  private static final TemplateEngine ENGINE = io.parley.testing.SourceTemplates.engine();

  private static final User EVE =
      new User("u-eve", "eve", "<img src=x onerror=alert(1)>", Set.of(), Instant.EPOCH);

  private static final User BOB = new User("u-bob", "bob", "Bob", Set.of(), Instant.EPOCH);

  private static final Map<String, User> PEOPLE = Map.of("u-eve", EVE, "u-bob", BOB);

  private static Message message(String body) {
    return message(body, java.util.List.of());
  }

  private static Message message(String body, java.util.List<String> mentions) {
    return new Message(
        "m1",
        "room-1",
        7,
        "u-eve",
        body,
        "text/plain",
        Instant.parse("2026-05-01T10:15:30Z"),
        null,
        false,
        "c1",
        Map.of(),
        mentions);
  }

  private static final Markdown MARKDOWN = new Markdown(EmojiCatalogue.get());

  /** The view as RoomViews builds it: the body formatted with the mentions it names. */
  static MessageView view(Message m, Map<String, User> people, String viewerId) {
    Set<String> handles = new java.util.HashSet<>();
    m.mentions().forEach(id -> handles.add(people.get(id).username()));
    return MessageView.of(
        m, people, viewerId, MARKDOWN.html(m.body(), handles), EmojiCatalogue.get());
  }

  static String append(MessageView view) {
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("roomId", view.roomId());
    model.put("timeline", view);
    model.put("reply", null);
    return ENGINE.process("fragments/live", Set.of("append"), new Context(null, model));
  }

  @Test
  void liveAppendWrapsTheMessageFragmentInAnOutOfBandSwap() {
    String html = append(view(message("hello"), PEOPLE, "u-bob"));
    assertTrue(html.startsWith("<div id=\"messages-room-1\" hx-swap-oob=\"beforeend\">"), html);
    assertTrue(html.contains("id=\"msg-room-1-7\" data-seq=\"7\""));
    assertTrue(html.contains("<time datetime=\"2026-05-01T10:15:30Z\">10:15</time>"));
    assertFalse(html.contains("message mine"));
    assertTrue(append(view(message("hello"), PEOPLE, "u-eve")).contains("class=\"message mine\""));
  }

  @Test
  void aWebhooksMessageShowsTheNameItPostedUnderEscapedAndMarkedBot() {
    User hook = User.bot("hook:h1", "ci-bot", "CI", "Bot of @ada", Instant.EPOCH);
    Message posted =
        new Message(
            "m2",
            "room-1",
            8,
            hook.id(),
            "build passed",
            "text/markdown",
            Instant.parse("2026-05-01T10:15:30Z"),
            null,
            false,
            "c2",
            Map.of("hook", "h1", "as", "<b>Jenkins</b>"),
            java.util.List.of());
    String html = append(view(posted, Map.of(hook.id(), hook), "u-bob"));
    assertTrue(html.contains("<span class=\"sender\">&lt;b&gt;Jenkins&lt;/b&gt;</span>"), html);
    assertTrue(html.contains("class=\"bot-badge\""), html);
    String person = append(view(message("hi"), PEOPLE, "u-bob"));
    assertFalse(person.contains("bot-badge"), "people are not marked");
  }

  @Test
  void userTextIsAlwaysEscaped() {
    String html = append(view(message("<script>alert('x')</script>"), PEOPLE, "u-bob"));
    assertFalse(html.contains("<script>"));
    assertFalse(html.contains("<img"));
    assertTrue(html.contains("&lt;script&gt;"));
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
  }

  @Test
  void statusAndBadgeFragmentsTargetStableIds() {
    String badge =
        ENGINE.process(
            "fragments/live",
            Set.of("badge"),
            new Context(null, Map.of("roomId", "r9", "unread", 3L, "mentions", 0L)));
    badge = badge.replaceAll("\\s+", " ");
    assertTrue(badge.contains("class=\"badges\" id=\"unread-r9\""), badge);
    assertTrue(badge.contains("<span class=\"badge on\" title=\"3 unread\">3</span>"), badge);
    assertTrue(badge.contains("<span class=\"badge mentions\"></span>"), badge);
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("kind", "error");
    model.put("text", "<b>no</b>");
    model.put("clientMsgId", "c1");
    model.put("seq", null);
    String status = ENGINE.process("fragments/live", Set.of("status"), new Context(null, model));
    assertTrue(status.contains("id=\"composer-status\""));
    assertTrue(status.contains("role=\"alert\""));
    assertTrue(status.contains("&lt;b&gt;no&lt;/b&gt;"));
  }

  @Test
  void mentionsAreHighlightedEscapedAndMarkedForTheMentionedViewer() {
    Message m = message("<i>hi</i> @bob and @nobody", java.util.List.of("u-bob"));
    String forBob = append(view(m, PEOPLE, "u-bob"));
    assertTrue(forBob.contains("class=\"message mentions-me\""), forBob);
    assertTrue(forBob.contains("<span class=\"mention\">@bob</span>"), forBob);
    assertTrue(forBob.contains("&lt;i&gt;hi&lt;/i&gt; "), forBob);
    assertTrue(forBob.contains(" and @nobody"), forBob);
    String forEve = append(view(m, PEOPLE, "u-eve"));
    assertTrue(forEve.contains("<span class=\"mention\">@bob</span>"), forEve);
    assertFalse(forEve.contains("mentions-me"));
  }

  @Test
  void avatarsAreImagesWhenUploadedAndColouredInitialsOtherwise() {
    User withImage =
        new User("u-ada", "ada", "Ada Lovelace", Set.of(), Instant.EPOCH, "", "v7", false, false);
    assertEquals("/users/u-ada/avatar?v=v7", AvatarView.of(withImage, "Ada").imageUrl());
    AvatarView initials = AvatarView.of(BOB, "Bob");
    assertEquals(null, initials.imageUrl());
    assertEquals(initials, AvatarView.of(BOB, "Bob"), "the same person always looks the same");
    assertTrue(initials.colour().matches("c[0-7]"));
  }

  @Test
  void initialsAndUnknownSenders() {
    assertEquals("AL", AvatarView.initials("ada lovelace"));
    assertEquals("É", AvatarView.initials("  élodie "));
    assertEquals(
        "unknown user",
        MessageView.of(message("x"), Map.of(), "u", "<p>x</p>", EmojiCatalogue.get()).senderName());
  }

  @Test
  void aChangeReplacesTheMessageWhereverItIsShownAndEscapesEveryName() {
    Message m =
        message("**fine**")
            .withReactions(Map.of("\uD83D\uDC4D\uFE0F", java.util.List.of("u-eve", "u-bob")))
            .withPin("u-eve");
    MessageView v = view(m, PEOPLE, "u-bob");
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("roomId", "room-1");
    model.put("rev", 12L);
    model.put("timeline", v);
    model.put("reply", v.inThread());
    String html = ENGINE.process("fragments/live", Set.of("changed"), new Context(null, model));
    assertTrue(html.contains("id=\"msg-room-1-7\""), html);
    assertTrue(html.contains("id=\"reply-room-1-7\""), html);
    assertTrue(html.contains("hx-swap-oob=\"outerHTML\""), html);
    assertTrue(html.contains("data-rev=\"12\""), html);
    assertTrue(html.contains("<strong>fine</strong>"), html);
    assertTrue(html.contains("data-by=\"u-eve u-bob\""), html);
    assertTrue(
        html.contains("&lt;img src=x onerror=alert(1)&gt;, Bob reacted with thumbs up"), html);
    assertFalse(html.contains("<img src=x"), "names are escaped in titles and pins: " + html);
  }

  @Test
  void aDeletedMessageIsATombstoneWithoutActions() {
    Message gone = message("secret").tombstone(Instant.parse("2026-05-01T11:00:00Z"));
    String html = append(view(gone, PEOPLE, "u-eve"));
    assertTrue(html.contains("message deleted"), html);
    assertFalse(html.contains("secret"), html);
    assertFalse(html.contains("class=\"actions\""), html);
    assertTrue(html.contains("class=\"message mine deleted\""), html);
  }

  /** A change rendered with both its timeline and its thread copy, as a live push does. */
  private static String changedBoth(MessageView view) {
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("roomId", view.roomId());
    model.put("rev", 3L);
    model.put("timeline", view);
    model.put("reply", view.inThread());
    return ENGINE.process("fragments/live", Set.of("changed"), new Context(null, model));
  }

  @Test
  void aPushRenderedOnceAndMarkedPerViewerIsWhatEachViewerWouldGet() {
    Message m =
        message("hi @bob", java.util.List.of("u-bob", "u-eve"))
            .tombstone(Instant.parse("2026-05-01T11:00:00Z"));
    Message selfMention = message("@eve @bob", java.util.List.of("u-bob", "u-eve"));
    for (Message shown :
        java.util.List.of(message("hi @bob", java.util.List.of("u-bob")), selfMention, m)) {
      String neutral = changedBoth(view(shown, PEOPLE, LiveFragments.NOBODY));
      for (String viewer : java.util.List.of("u-eve", "u-bob", "u-cy")) {
        boolean mine = shown.senderId().equals(viewer);
        boolean mentioned = shown.mentions(viewer);
        assertEquals(
            changedBoth(view(shown, PEOPLE, viewer)),
            LiveFragments.asSeenBy(neutral, mine, mentioned),
            viewer + " sees the same HTML either way");
      }
    }
  }
}
