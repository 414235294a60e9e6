package io.parley.web;

import io.parley.integrations.HookDelivery;
import io.parley.integrations.IncomingHook;
import io.parley.integrations.IncomingHooks;
import io.parley.integrations.OutgoingHook;
import io.parley.integrations.OutgoingHooks;
import io.parley.render.PageModels;
import io.parley.render.RoomViews;
import io.parley.render.Views;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A room's webhooks page (its moderators): list, add, give a new secret, delete. A new secret's URL
 * is shown in the answer to the form that made it, never again.
 */
@ApplicationScoped
class HookPages {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("d MMM HH:mm:ss").withZone(ZoneOffset.UTC);

  @Inject IncomingHooks hooks;
  @Inject OutgoingHooks outgoing;
  @Inject RoomService rooms;
  @Inject UserService users;
  @Inject RoomViews views;
  @Inject Views templates;
  @Inject WebSettings settings;

  void list(Routes.Call call) throws IOException {
    show(call, 200, Issued.NONE, null);
  }

  /** What the answer shows once: an incoming hook's URL or an outgoing hook's signing secret. */
  private record Issued(String name, String url, String secret) {
    static final Issued NONE = new Issued(null, null, null);
  }

  void createOutgoing(Routes.Call call) throws IOException {
    try {
      var issued =
          outgoing.create(
              call.me().userId(),
              call.path("id"),
              call.req().getParameter("name"),
              call.req().getParameter("url"),
              call.req().getParameter("triggers"));
      show(call, 200, new Issued(issued.hook().name(), null, issued.secret()), null);
    } catch (io.parley.common.DomainException e) {
      if (e.kind() != io.parley.common.DomainException.Kind.INVALID
          && e.kind() != io.parley.common.DomainException.Kind.CONFLICT) {
        throw e;
      }
      show(call, Requests.status(e), Issued.NONE, e.getMessage());
    }
  }

  void deleteOutgoing(Routes.Call call) {
    boolean here =
        outgoing.inRoom(call.me().userId(), call.path("id")).stream()
            .anyMatch(h -> h.id().equals(call.path("hook")));
    if (!here) {
      throw io.parley.common.DomainException.notFound("no such webhook in this room");
    }
    outgoing.delete(call.me().userId(), call.path("hook"));
    String next = call.req().getParameter("next");
    Requests.seeOther(
        call.resp(),
        next != null ? Requests.localPath(next) : "/rooms/" + call.path("id") + "/hooks");
  }

  void create(Routes.Call call) throws IOException {
    try {
      var issued =
          hooks.create(call.me().userId(), call.path("id"), call.req().getParameter("name"));
      show(call, 200, new Issued(issued.hook().name(), url(issued), null), null);
    } catch (io.parley.common.DomainException e) {
      if (e.kind() != io.parley.common.DomainException.Kind.INVALID
          && e.kind() != io.parley.common.DomainException.Kind.CONFLICT) {
        throw e;
      }
      show(call, Requests.status(e), Issued.NONE, e.getMessage());
    }
  }

  void rotate(Routes.Call call) throws IOException {
    requireInRoom(call);
    var issued = hooks.rotate(call.me().userId(), call.path("hook"));
    show(call, 200, new Issued(issued.hook().name(), url(issued), null), null);
  }

  void delete(Routes.Call call) {
    requireInRoom(call);
    hooks.delete(call.me().userId(), call.path("hook"));
    String next = call.req().getParameter("next");
    Requests.seeOther(
        call.resp(),
        next != null ? Requests.localPath(next) : "/rooms/" + call.path("id") + "/hooks");
  }

  /** The hook named in the path belongs to the room in the path (no acting on one by another). */
  private void requireInRoom(Routes.Call call) {
    boolean here =
        hooks.inRoom(call.me().userId(), call.path("id")).stream()
            .anyMatch(h -> h.id().equals(call.path("hook")));
    if (!here) {
      throw io.parley.common.DomainException.notFound("no such webhook in this room");
    }
  }

  private String url(IncomingHooks.Issued issued) {
    return settings.publicUrl().replaceAll("/+$", "")
        + "/hooks/"
        + issued.hook().id()
        + "/"
        + issued.secret();
  }

  private void show(Routes.Call call, int status, Issued issued, String error) throws IOException {
    String userId = call.me().userId();
    String roomId = call.path("id");
    List<IncomingHook> list = hooks.inRoom(userId, roomId);
    List<OutgoingHook> calls = outgoing.inRoom(userId, roomId);
    Room room = rooms.access().visible(userId, roomId);
    List<String> ids = new java.util.ArrayList<>();
    list.forEach(h -> ids.addAll(List.of(h.createdBy(), h.botId())));
    calls.forEach(h -> ids.add(h.createdBy()));
    Map<String, User> people = users.byIds(ids);
    List<PageModels.HookRow> rows =
        list.stream()
            .map(
                h ->
                    new PageModels.HookRow(
                        h.id(),
                        h.name(),
                        name(people.get(h.botId())),
                        name(people.get(h.createdBy())),
                        when(h.createdAt()),
                        when(h.secretSetAt())))
            .toList();
    var page =
        new PageModels.HooksPage(
            views.frame(call.me().user()),
            roomId,
            room.name(),
            rows,
            issued.name(),
            issued.url(),
            error,
            IncomingHooks.MAX_NAME,
            calls.stream().map(h -> outgoingRow(userId, h, people)).toList(),
            issued.secret());
    Requests.html(call.resp(), status, templates.page(Views.Page.HOOKS, page));
  }

  private PageModels.OutgoingHookRow outgoingRow(
      String userId, OutgoingHook h, Map<String, User> people) {
    List<PageModels.DeliveryRow> deliveries =
        outgoing.deliveries(userId, h.id(), 10).stream().map(HookPages::deliveryRow).toList();
    return new PageModels.OutgoingHookRow(
        h.id(),
        h.name(),
        h.url(),
        String.join(" ", h.triggers()),
        name(people.get(h.createdBy())),
        when(h.createdAt()),
        deliveries);
  }

  private static PageModels.DeliveryRow deliveryRow(HookDelivery d) {
    return new PageModels.DeliveryRow(
        SECONDS.format(d.at()),
        d.seq(),
        d.attempt(),
        d.status() == 0 ? "none" : Integer.toString(d.status()),
        d.millis(),
        d.error() == null ? "" : d.error(),
        d.succeeded() && d.error() == null);
  }

  private static String name(User u) {
    return u == null ? "someone" : u.displayName();
  }

  private static String when(Instant at) {
    return WHEN.format(at);
  }
}
