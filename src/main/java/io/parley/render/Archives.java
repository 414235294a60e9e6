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

/**
 * Exports, described once for pages and the API alike: which ones exist (your own messages; a
 * room's history and a person's messages for administrators, refused before anything is written),
 * their file names and titles, and how they are written (the format with the names of people and
 * rooms as the viewer may see them).
 */
@ApplicationScoped
public class Archives {

  @Inject UserService users;
  @Inject RoomService rooms;
  @Inject io.parley.search.MessageArchive archive;

  /** One export: its download's file name (no extension), its title, and what it writes. */
  public record Export(
      String fileName,
      String title,
      java.util.function.BiConsumer<String, io.parley.messaging.ArchiveSink> messages) {

    /** The attachment's file name for a format: only characters safe in a header. */
    public String attachmentName(String format) {
      return fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "." + ArchiveFormat.format(format);
    }
  }

  /** Everything the viewer wrote. */
  public Export mine(String viewerId) {
    User me = users.require(viewerId);
    return new Export(
        "parley-my-messages",
        "Messages by " + me.displayName(),
        (format, out) -> archive.person(viewerId, viewerId, format, out));
  }

  /** A room's whole history in order: administrators only (refused here, before the download). */
  public Export room(String viewerId, String roomId) {
    requireAdmin(viewerId);
    return new Export(
        "parley-room-" + roomId,
        "Room " + roomName(viewerId, roomId),
        (format, out) -> archive.room(viewerId, roomId, format, out));
  }

  /** Everything a person wrote: administrators only. */
  public Export person(String viewerId, String username) {
    requireAdmin(viewerId);
    User person = users.requireByUsername(username);
    return new Export(
        "parley-messages-" + person.username(),
        "Messages by " + person.displayName(),
        (format, out) -> archive.person(viewerId, person.id(), format, out));
  }

  /** Writes the export to {@code out} in the format asked for. */
  public void write(Export export, String format, Writer out, String viewerId) {
    String f = ArchiveFormat.format(format);
    try (ArchiveFormat writer = open(f, out, export.title(), viewerId)) {
      export.messages().accept(f, writer);
    }
  }

  private void requireAdmin(String viewerId) {
    if (!users.isAdministrator(viewerId)) {
      throw DomainException.forbidden(
          "only administrators export rooms and other people's messages");
    }
  }

  private String roomName(String viewerId, String roomId) {
    try {
      Room r = rooms.access().visible(viewerId, roomId);
      return r.name() == null ? roomId : "#" + r.name();
    } catch (DomainException e) {
      return roomId;
    }
  }

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
            Room r = rooms.access().visible(viewerId, id);
            return r.name() == null ? "direct conversation" : "#" + r.name();
          } catch (DomainException e) {
            return "room " + id; // one the viewer no longer sees: its id only
          }
        });
  }
}
