package io.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.common.DomainException;
import io.parley.lucene.LuceneMessageIndex;
import io.parley.messaging.Message;
import io.parley.render.ArchiveFormat;
import io.parley.testing.InMemoryMessageStore;
import io.parley.testing.RecordingAuditLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports: what goes in comes back out of the JSON Lines, in order; HTML escapes everything. */
class MessageArchiveTest {

  @TempDir Path dir;

  @Test
  void roomAndPersonExportsRoundTrip() {
    InMemoryMessageStore store = new InMemoryMessageStore();
    RecordingAuditLog audit = new RecordingAuditLog();
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    List<Message> written = new ArrayList<>();
    for (int i = 1; i <= 1203; i++) { // more than two pages
      String room = i % 3 == 0 ? "r2" : "r1";
      long seq = store.lastSeq(room) + 1;
      Message m =
          LuceneMessageIndexTest.msg(
              room,
              seq,
              i % 2 == 0 ? "ada" : "bob",
              "line " + i + " \"quoted\" \\ ünïcode <b>",
              t.plusSeconds(i));
      store.insert(m);
      written.add(m);
    }
    try (LuceneMessageIndex index = LuceneMessageIndex.open(dir)) {
      written.forEach(index::put);
      index.refresh();
      MessageArchive archive =
          new MessageArchive(store, index, "admin"::equals, audit, Clock.systemUTC());

      List<Message> r1 = written.stream().filter(m -> m.roomId().equals("r1")).toList();
      assertEquals(r1, roundTrip(out -> archive.room("admin", "r1", "jsonl", out), r1));
      List<Message> ada = written.stream().filter(m -> m.senderId().equals("ada")).toList();
      assertEquals(ada, roundTrip(out -> archive.person("ada", "ada", "jsonl", out), ada));
      assertThrows(DomainException.class, () -> archive.person("bob", "ada", "jsonl", m -> {}));
      assertThrows(DomainException.class, () -> archive.room("bob", "r1", "jsonl", m -> {}));
      assertEquals("export.person", audit.entries().get(1).action());
      assertEquals(String.valueOf(ada.size()), audit.entries().get(1).detail().get("messages"));
    }
  }

  /** Exports through the JSON Lines writer, reads the lines back, and finds each message again. */
  private static List<Message> roundTrip(
      java.util.function.Consumer<io.parley.messaging.ArchiveSink> export, List<Message> expected) {
    StringWriter text = new StringWriter();
    try (ArchiveFormat out = ArchiveFormat.of("jsonl", text, "t", id -> id, id -> id)) {
      export.accept(out);
    }
    String[] lines = text.toString().split("\n");
    assertEquals(expected.size(), lines.length);
    List<Message> back = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      JsonObject o = Json.createReader(new StringReader(lines[i])).readObject();
      Message m = expected.get(i);
      assertEquals(m.body(), o.getString("body"));
      assertEquals(m.createdAt().toString(), o.getString("createdAt"));
      back.add(
          m.roomId().equals(o.getString("roomId"))
                  && m.seq() == o.getJsonNumber("seq").longValue()
                  && m.senderId().equals(o.getString("senderId"))
              ? m
              : null);
    }
    return back;
  }

  @Test
  void theHtmlArchiveEscapesEveryPieceOfUserText() {
    StringWriter text = new StringWriter();
    try (ArchiveFormat out =
        ArchiveFormat.of("html", text, "<i>room</i>", id -> "<script>x</script>", id -> "#a&b")) {
      out.write(
          LuceneMessageIndexTest.msg(
              "r1", 1, "ada", "<img src=x onerror=alert(1)>", Instant.EPOCH));
    }
    String html = text.toString();
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
    assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"), html);
    assertTrue(html.contains("&lt;i&gt;room&lt;/i&gt;"), html);
    assertTrue(html.contains("#a&amp;b"), html);
    assertTrue(!html.contains("<img") && !html.contains("<script>"), html);
    assertTrue(html.endsWith("</ol></body></html>\n"), html);
  }
}
