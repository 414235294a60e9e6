package io.parley.web;

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
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/** The message fragment, rendered from the real templates, as every path uses it. */
class TemplatesTest {

  private static final TemplateEngine ENGINE;

  static {
    FileTemplateResolver resolver = new FileTemplateResolver();
    resolver.setPrefix("src/main/webapp/WEB-INF/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    ENGINE = Views.engineFor(resolver);
  }

  private static final User EVE =
      new User("u-eve", "eve", "<img src=x onerror=alert(1)>", Set.of(), Instant.EPOCH);

  private static Message message(String body) {
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
        Map.of());
  }

  private static String append(MessageView view) {
    return ENGINE.process(
        "fragments/live", Set.of("append"), new Context(null, Map.of("view", view)));
  }

  @Test
  void liveAppendWrapsTheMessageFragmentInAnOutOfBandSwap() {
    String html = append(MessageView.of(message("hello"), EVE, "u-bob"));
    assertTrue(html.startsWith("<div id=\"messages-room-1\" hx-swap-oob=\"beforeend\">"), html);
    assertTrue(html.contains("id=\"msg-room-1-7\" data-seq=\"7\""));
    assertTrue(html.contains("<time datetime=\"2026-05-01T10:15:30Z\">10:15</time>"));
    assertFalse(html.contains("message mine"));
    assertTrue(
        append(MessageView.of(message("hello"), EVE, "u-eve")).contains("class=\"message mine\""));
  }

  @Test
  void userTextIsAlwaysEscaped() {
    String html = append(MessageView.of(message("<script>alert('x')</script>"), EVE, "u-bob"));
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
            new Context(null, Map.of("roomId", "r9", "unread", 3L)));
    assertEquals(
        "<span hx-swap-oob=\"true\" class=\"badge on\" id=\"unread-r9\">3</span>",
        badge.strip().replaceAll("\\s+", " "));
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
  void initialsAndUnknownSenders() {
    assertEquals("AL", MessageView.initials("ada lovelace"));
    assertEquals("É", MessageView.initials("  élodie "));
    assertEquals("unknown user", MessageView.of(message("x"), null, "u").senderName());
  }

  @Test
  void usernamesDeriveFromTheTypedName() {
    assertEquals("ada.lovelace", SignInPages.usernameOf("Ada  Lovelace"));
    assertEquals(
        io.parley.common.DomainException.class,
        org.junit.jupiter.api.Assertions.assertThrows(
                RuntimeException.class, () -> SignInPages.usernameOf("!!"))
            .getClass());
  }
}
