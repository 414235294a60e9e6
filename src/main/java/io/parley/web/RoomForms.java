package io.parley.web;

import io.parley.common.DomainException;
import io.parley.rooms.Moderation;
import io.parley.rooms.Notify;
import io.parley.rooms.Room;
import io.parley.rooms.RoomMode;
import io.parley.rooms.RoomModeration;
import io.parley.rooms.RoomService;
import io.parley.rooms.RoomType;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The room forms: create, open a conversation, join, add, settings, leave, moderation. Each does
 * one thing in the domain and sends the browser on (post, redirect, get).
 */
@ApplicationScoped
class RoomForms {

  @Inject RoomService rooms;
  @Inject UserService users;

  void create(Routes.Call call) {
    Room room =
        rooms
            .lifecycle()
            .create(call.me().userId(), param(call, "name"), roomType(param(call, "type")));
    Requests.seeOther(call.resp(), "/rooms/" + room.id());
  }

  /** One username, or several (commas or spaces) for a group conversation. */
  void direct(Routes.Call call) {
    List<String> others = new ArrayList<>();
    for (String name : String.valueOf(param(call, "username")).split("[,\\s]+")) {
      if (!name.isBlank()) {
        others.add(users.requireByUsername(name.strip().replaceFirst("^@", "")).id());
      }
    }
    Room room = rooms.lifecycle().openDirect(call.me().userId(), others);
    Requests.seeOther(call.resp(), "/rooms/" + room.id());
  }

  void join(Routes.Call call) {
    rooms.memberships().join(call.me().userId(), call.path("id"));
    back(call);
  }

  void addPerson(Routes.Call call) {
    String added = users.requireByUsername(String.valueOf(param(call, "username")).strip()).id();
    Room now = rooms.memberships().addPerson(call.me().userId(), call.path("id"), added);
    Requests.seeOther(call.resp(), "/rooms/" + now.id());
  }

  /** Renames and sets the topic, each only if it changed. */
  void settings(Routes.Call call) {
    String me = call.me().userId();
    String roomId = call.path("id");
    Room now = rooms.access().visible(me, roomId);
    String name = param(call, "name");
    if (name != null && !name.strip().equals(now.name())) {
      rooms.lifecycle().rename(me, roomId, name);
    }
    String topic = param(call, "topic");
    if (topic != null && !topic.strip().equals(now.topic() == null ? "" : now.topic())) {
      rooms.lifecycle().setTopic(me, roomId, topic);
    }
    back(call);
  }

  void notifyLevel(Routes.Call call) {
    rooms
        .memberships()
        .setNotify(call.me().userId(), call.path("id"), Notify.of(param(call, "level")));
    back(call);
  }

  void leave(Routes.Call call) {
    rooms.memberships().leave(call.me().userId(), call.path("id"));
    Requests.seeOther(call.resp(), "/rooms");
  }

  void moderate(Routes.Call call) {
    rooms
        .moderation()
        .moderate(
            call.me().userId(),
            call.path("id"),
            users.requireByUsername(param(call, "username")).id(),
            choice(Moderation.class, param(call, "action")),
            length(param(call, "customMinutes"), param(call, "minutes")),
            param(call, "reason"));
    back(call);
  }

  void archive(Routes.Call call) {
    rooms
        .lifecycle()
        .archive(call.me().userId(), call.path("id"), !"false".equals(param(call, "archived")));
    back(call);
  }

  void delete(Routes.Call call) {
    rooms.lifecycle().delete(call.me().userId(), call.path("id"), param(call, "confirm"));
    Requests.seeOther(call.resp(), "/rooms");
  }

  void slowMode(Routes.Call call) {
    rooms
        .settings()
        .setSlowMode(call.me().userId(), call.path("id"), seconds(param(call, "seconds")));
    back(call);
  }

  void mode(Routes.Call call) {
    rooms
        .settings()
        .setMode(call.me().userId(), call.path("id"), choice(RoomMode.class, param(call, "mode")));
    back(call);
  }

  void pinning(Routes.Call call) {
    rooms
        .settings()
        .setModeratorsPin(
            call.me().userId(), call.path("id"), "true".equals(param(call, "moderatorsOnly")));
    back(call);
  }

  private static void back(Routes.Call call) {
    Requests.seeOther(call.resp(), "/rooms/" + call.path("id"));
  }

  private static String param(Routes.Call call, String name) {
    return call.req().getParameter(name);
  }

  /** How long a mute or ban lasts: the custom minutes if given, else the chosen ones, else ever. */
  private static Duration length(String custom, String chosen) {
    String minutes = custom != null && !custom.isBlank() ? custom : chosen;
    if (minutes == null || minutes.isBlank()) {
      return null;
    }
    return RoomModeration.moderationMinutes(minutes);
  }

  private static int seconds(String value) {
    try {
      return Integer.parseInt(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid("slow mode must be a whole number of seconds");
    }
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, String.valueOf(value).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("unknown choice: " + value);
    }
  }

  private static RoomType roomType(String value) {
    return "private".equalsIgnoreCase(value) ? RoomType.PRIVATE : RoomType.PUBLIC;
  }
}
