package io.parley.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents as BSON in the H2 file, and a file from before (Java-serialized) still opens. */
class DocumentTypeTest {

  @TempDir Path dir;

  private static Document message(int seq) {
    return new Document("_id", "m-" + seq)
        .append("roomId", "r")
        .append("seq", (long) seq)
        .append("roomSeq", "r/" + seq)
        .append("createdAt", Instant.parse("2026-12-07T10:00:00.123Z"))
        .append("deleted", false)
        .append("editedAt", null)
        .append("count", 3)
        .append("mentions", List.of("u-1", "u-2"))
        .append("metadata", new Document("k", "v"))
        .append("files", List.of(new Document("name", "a.png").append("size", 12L)));
  }

  private MVMap<Object, Document> documents(MVStore store) {
    return store.openMap(
        "databases.parley.messages",
        new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
  }

  @Test
  void aStoreFromBeforeOpensAndBothKindsOfPageReadBack() {
    String file = dir.resolve("store.mv").toString();
    MVStore before = new MVStore.Builder().fileName(file).open();
    MVMap<Object, Document> legacy = before.openMap("databases.parley.messages");
    for (int seq = 1; seq <= 300; seq++) {
      legacy.put("m-" + seq, message(seq)); // Java-serialized, as H2's default type writes it
    }
    before.close();

    MVStore now = new MVStore.Builder().fileName(file).open();
    MVMap<Object, Document> map = documents(now);
    assertEquals(message(7), map.get("m-7"));
    for (int seq = 301; seq <= 600; seq++) {
      map.put("m-" + seq, message(seq));
    }
    map.put("m-8", message(8).append("edited", true)); // a page from before, written again
    now.close();

    MVStore reopened = new MVStore.Builder().fileName(file).open();
    MVMap<Object, Document> again = documents(reopened);
    assertEquals(600, again.size());
    for (int seq = 1; seq <= 600; seq++) {
      Document expected = seq == 8 ? message(8).append("edited", true) : message(seq);
      assertEquals(expected, again.get("m-" + seq), "document " + seq);
    }
    reopened.close();
  }

  @Test
  void aDocumentIsWrittenAsItsBsonNotJavaSerialized() {
    org.h2.mvstore.WriteBuffer out = new org.h2.mvstore.WriteBuffer();
    DocumentType type = new DocumentType();
    type.write(out, message(1));
    java.nio.ByteBuffer written = out.getBuffer().flip();
    assertEquals((byte) 0xF0, written.get(0), "the BSON marker");
    assertEquals(
        written.limit() - 1,
        Integer.reverseBytes(written.getInt(1)),
        "then the document's BSON, nothing else");
    assertEquals(message(1), type.read(written));
    assertEquals(written.limit(), written.position(), "read exactly to its end");
  }
}
