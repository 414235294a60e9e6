package io.parley.render;

import io.parley.common.DomainException;
import io.parley.rooms.Room;
import io.parley.rooms.RoomService;
import io.parley.users.User;
import io.parley.users.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Writer;
import java.util.Set;

/** Opens an export's format with the names of people and rooms as the viewer may see them. */
@ApplicationScoped
public class Archives {

  @Inject UserService users;
  @Inject RoomService rooms;

  public ArchiveFormat open(String format, Writer out, String title, String viewerId) {
    return ArchiveFormat.of(
        ArchiveFormat.format(format),
        out,
        title,
        id -> {
          User u = users.byIds(Set.of(id)).get(id);
          return u == null ? id : u.displayName() + " (@" + u.username() + ")";
        },
        id -> {
          try {
            Room r = rooms.visible(viewerId, id);
            return r.name() == null ? "direct conversation" : "#" + r.name();
          } catch (DomainException e) {
            return "room " + id; // one the viewer no longer sees: its id only
          }
        });
  }
}
