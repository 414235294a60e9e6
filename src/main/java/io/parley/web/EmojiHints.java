package io.parley.web;

import io.parley.emoji.CustomEmojis;
import io.parley.render.EmojiCatalogue;
import io.parley.render.PageModels;
import io.parley.render.Views;
import io.parley.rooms.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /rooms/{id}/emoji?q=prefix}: the custom and standard emoji whose name starts with what
 * follows the {@code :} being typed, custom ones first, for the composer to offer.
 */
@ApplicationScoped
class EmojiHints {

  static final int SHOWN = 8;

  @Inject RoomService rooms;
  @Inject CustomEmojis custom;
  @Inject Views templates;

  void hints(Routes.Call call) throws IOException {
    rooms.access().visible(call.me().userId(), call.path("id"));
    String q = String.valueOf(call.req().getParameter("q")).strip().replaceFirst("^:", "");
    String prefix = q.length() > 32 ? q.substring(0, 32) : q.toLowerCase(Locale.ROOT);
    List<PageModels.EmojiHint> hints = new ArrayList<>();
    if (prefix.length() >= 2) {
      custom.names().stream()
          .filter(n -> n.startsWith(prefix))
          .sorted()
          .limit(SHOWN)
          .forEach(n -> hints.add(new PageModels.EmojiHint(":" + n + ":", null, n)));
      EmojiCatalogue.get().startingWith(prefix, SHOWN - hints.size()).stream()
          .forEach(
              e ->
                  hints.add(
                      new PageModels.EmojiHint(
                          ":" + e.shortcode() + ":", e.unicode(), e.shortcode())));
    }
    Requests.html(
        call.resp(),
        200,
        templates.fragment(Views.Fragment.EMOJI_HINTS, new PageModels.EmojiHints(hints)));
  }
}
