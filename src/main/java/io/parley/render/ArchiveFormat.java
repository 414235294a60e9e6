package io.parley.render;

import io.parley.messaging.ArchiveSink;
import io.parley.messaging.Attachment;
import io.parley.messaging.HeldCopy;
import io.parley.messaging.Message;
import io.parley.messaging.MessageEdit;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An export written as it is read: JSON Lines (one message per line, for machines) or a readable
 * HTML archive (every piece of user text escaped). Names are looked up once per person and room.
 */
public abstract class ArchiveFormat implements AutoCloseable, ArchiveSink {

  /** The formats offered: {@code jsonl} and {@code html}. */
  public static ArchiveFormat of(
      String format,
      Writer out,
      String title,
      Function<String, String> personName,
      Function<String, String> roomName) {
    return "html".equals(format)
        ? new Html(out, title, personName, roomName)
        : new JsonLines(out, personName, roomName);
  }

  public static String format(String requested) {
    return "html".equals(requested) ? "html" : "jsonl";
  }

  public static String contentType(String format) {
    return "html".equals(format)
        ? "text/html; charset=utf-8"
        : "application/x-ndjson; charset=utf-8";
  }

  protected final Writer out;
  private final Function<String, String> personName;
  private final Function<String, String> roomName;
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, String> rooms = new HashMap<>();
  private int sinceFlush;

  ArchiveFormat(
      Writer out, Function<String, String> personName, Function<String, String> roomName) {
    this.out = out;
    this.personName = personName;
    this.roomName = roomName;
  }

  protected String person(String id) {
    return names.computeIfAbsent(id, personName);
  }

  protected String room(String id) {
    return rooms.computeIfAbsent(id, roomName);
  }

  @Override
  public final void write(Message m) {
    write(m, null);
  }

  /** A deleted message a legal hold kept: its text, files and earlier versions, marked deleted. */
  @Override
  public final void write(HeldCopy copy) {
    write(copy.original(), copy);
  }

  private void write(Message m, HeldCopy held) {
    try {
      writeMessage(m, held);
      if (++sinceFlush == 200) {
        out.flush(); // keep the download moving
        sinceFlush = 0;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a message; {@code held} is set for a deleted one a hold kept. */
  protected abstract void writeMessage(Message m, HeldCopy held) throws IOException;

  @Override
  public void close() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text made safe inside HTML elements and attribute values (Thymeleaf's own escaper). */
  static String escape(String text) {
    return org.unbescape.html.HtmlEscape.escapeHtml4Xml(text);
  }

  private static final class JsonLines extends ArchiveFormat {
    JsonLines(Writer out, Function<String, String> personName, Function<String, String> roomName) {
      super(out, personName, roomName);
    }

    @Override
    protected void writeMessage(Message m, HeldCopy held) throws IOException {
      JsonArrayBuilder files = Json.createArrayBuilder();
      for (Attachment a : m.files()) {
        files.add(
            Json.createObjectBuilder()
                .add("id", a.fileId())
                .add("name", a.name())
                .add("contentType", a.contentType())
                .add("size", a.size()));
      }
      JsonObjectBuilder reactions = Json.createObjectBuilder();
      m.reactions().forEach((emoji, who) -> reactions.add(emoji, Json.createArrayBuilder(who)));
      JsonObjectBuilder line =
          Json.createObjectBuilder()
              .add("id", m.id())
              .add("roomId", m.roomId())
              .add("room", String.valueOf(room(m.roomId())))
              .add("seq", m.seq())
              .add("threadOf", m.threadOf())
              .add("senderId", m.senderId())
              .add("sender", String.valueOf(person(m.senderId())))
              .add("createdAt", m.createdAt().toString())
              .add("body", m.body())
              .add("files", files)
              .add("reactions", reactions);
      if (m.editedAt() != null) {
        line.add("editedAt", m.editedAt().toString());
      }
      if (m.pinned()) {
        line.add("pinnedBy", m.pinnedBy());
      }
      if (held != null) {
        JsonArrayBuilder versions = Json.createArrayBuilder();
        for (MessageEdit e : held.versions()) {
          versions.add(
              Json.createObjectBuilder()
                  .add("editorId", e.editorId())
                  .add("replacedAt", e.at().toString())
                  .add("body", e.previousBody()));
        }
        line.add("deletedBy", held.deletedBy())
            .add("deletedAt", held.deletedAt().toString())
            .add("keptUnderHold", true)
            .add("earlierVersions", versions);
      }
      out.write(line.build().toString());
      out.write('\n');
    }
  }

  private static final class Html extends ArchiveFormat {
    private static final DateTimeFormatter AT =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    Html(
        Writer out,
        String title,
        Function<String, String> personName,
        Function<String, String> roomName) {
      super(out, personName, roomName);
      try {
        out.write(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + escape(title)
                + "</title><style>body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;"
                + "margin:2rem auto;padding:0 1rem}li{margin:.6rem 0;list-style:none}"
                + ".meta{color:#555;font-size:.85rem}.body{white-space:pre-wrap;"
                + "overflow-wrap:anywhere}</style></head><body><h1>"
                + escape(title)
                + "</h1><ol>\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected void writeMessage(Message m, HeldCopy held) throws IOException {
      StringBuilder b = new StringBuilder("<li id=\"m-");
      b.append(escape(m.roomId())).append('-').append(m.seq()).append("\"><div class=\"meta\">");
      b.append(escape(String.valueOf(person(m.senderId()))));
      b.append(" · ").append(escape(String.valueOf(room(m.roomId()))));
      b.append(" · ").append(AT.format(m.createdAt()));
      if (m.editedAt() != null) {
        b.append(" · edited");
      }
      if (m.isReply()) {
        b.append(" · reply to #").append(m.threadOf());
      }
      if (held != null) {
        b.append(" · deleted by ")
            .append(escape(String.valueOf(person(held.deletedBy()))))
            .append(' ')
            .append(AT.format(held.deletedAt()))
            .append(", kept under a legal hold");
      }
      b.append("</div><div class=\"body\">").append(escape(m.body())).append("</div>");
      if (held != null) {
        for (MessageEdit e : held.versions()) {
          b.append("<div class=\"meta\">Earlier version (replaced ")
              .append(AT.format(e.at()))
              .append("):</div><div class=\"body\">")
              .append(escape(e.previousBody()))
              .append("</div>");
        }
      }
      List<Attachment> files = m.files();
      for (Attachment a : files) {
        b.append("<div class=\"meta\">File: ").append(escape(a.name())).append("</div>");
      }
      b.append("</li>\n");
      out.write(b.toString());
    }

    @Override
    public void close() {
      try {
        out.write("</ol></body></html>\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      super.close();
    }
  }
}
