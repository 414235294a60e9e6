package io.parley.web;

import io.parley.render.PageModels;
import io.parley.render.Views;
import io.parley.rooms.Membership;
import io.parley.rooms.RoomService;
import io.parley.users.User;
import io.parley.users.UserGroups;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /rooms/{id}/mentions?q=prefix}: the room's members and the groups whose handle (or a
 * member's name) starts with what follows the {@code @} being typed, for the composer to offer.
 */
@ApplicationScoped
class MentionHints {

  static final int MEMBERS = 8;
  static final int GROUPS = 5;

  @Inject RoomService rooms;
  @Inject UserService users;
  @Inject UserGroups groups;
  @Inject Views templates;

  void hints(Routes.Call call) throws IOException {
    String roomId = call.path("id");
    rooms.access().visible(call.me().userId(), roomId);
    String q = String.valueOf(call.req().getParameter("q")).strip().replaceFirst("^@", "");
    String prefix = q.length() > 40 ? q.substring(0, 40) : q.toLowerCase(Locale.ROOT);
    List<PageModels.MentionHint> hints = new ArrayList<>();
    List<String> ids =
        rooms.memberLists().members(roomId).stream()
            .map(Membership::userId)
            .filter(id -> !id.equals(call.me().userId()))
            .toList();
    users.byIds(ids).values().stream()
        .filter(u -> !u.disabled() && matches(u, prefix))
        .sorted(java.util.Comparator.comparing(User::username))
        .limit(MEMBERS)
        .forEach(u -> hints.add(new PageModels.MentionHint(u.username(), u.displayName(), false)));
    groups.all().stream()
        .filter(g -> g.handle().startsWith(prefix))
        .limit(GROUPS)
        .forEach(g -> hints.add(new PageModels.MentionHint(g.handle(), g.name(), true)));
    Requests.html(
        call.resp(),
        200,
        templates.fragment(Views.Fragment.MENTION_HINTS, new PageModels.MentionHints(hints)));
  }

  private static boolean matches(User u, String prefix) {
    return u.username().toLowerCase(Locale.ROOT).startsWith(prefix)
        || u.displayName().toLowerCase(Locale.ROOT).startsWith(prefix);
  }
}
