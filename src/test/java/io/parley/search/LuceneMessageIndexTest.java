package io.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.lucene.LuceneMessageIndex;
import io.parley.messaging.Attachment;
import io.parley.messaging.Message;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index on its own: what each kind of query finds, and what it must not. */
class LuceneMessageIndexTest {

  @TempDir Path dir;
  private LuceneMessageIndex index;

  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  static Message msg(String room, long seq, String sender, String body, Instant at) {
    return new Message(
        room + "-" + seq,
        room,
        seq,
        sender,
        body,
        "text/markdown",
        at,
        null,
        false,
        "c" + seq,
        Map.of(),
        List.of());
  }

  @BeforeEach
  void open() {
    index = LuceneMessageIndex.open(dir);
    index.put(msg("r1", 1, "ada", "We are deploying the payment service tonight", T0));
    index.put(
        msg("r1", 2, "bob", "The café on the corner serves crème brûlée", T0.plusSeconds(60)));
    index.put(
        msg(
            "r1",
            3,
            "ada",
            "Deployment finished; the server restarted cleanly",
            T0.plusSeconds(120)));
    index.put(
        msg("r2", 1, "bob", "Quarterly numbers: revenue up, churn down", T0.plusSeconds(86400)));
    index.put(msg("secret", 1, "eve", "deploy keys rotate on Friday", T0.plusSeconds(30)));
    index.refresh();
  }

  @AfterEach
  void close() {
    index.close();
  }

  private List<String> find(String text, Set<String> rooms) {
    SearchQuery q = SearchQuery.parse(text);
    return ids(query(q, rooms, Set.of(), SearchQuery.Order.NEWEST));
  }

  private IndexedPage query(
      SearchQuery q, Set<String> rooms, Set<String> senders, SearchQuery.Order order) {
    return index.search(
        new IndexQuery(
            q.words(),
            q.phrases(),
            rooms,
            senders,
            q.after() == null
                ? null
                : q.after().plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
            q.before() == null
                ? null
                : q.before().atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
            q.withFiles(),
            q.pinned(),
            order,
            0,
            20));
  }

  private static List<String> ids(IndexedPage page) {
    return page.hits().stream().map(h -> h.roomId() + "/" + h.seq()).toList();
  }

  private static final Set<String> MINE = Set.of("r1", "r2");

  @Test
  void wordsMatchByPrefixAndByStemNewestFirst() {
    assertEquals(List.of("r1/3", "r1/1"), find("deplo", MINE));
    assertEquals(List.of("r1/3", "r1/1"), find("deploy", MINE), "deploying and deployment");
    assertEquals(List.of("r1/1"), find("deploys payment", MINE), "stem of deploys, every word");
    assertEquals(List.of("r1/3"), find("restarts", MINE));
    assertEquals(List.of(), find("deploy revenue", MINE), "every word must match");
  }

  @Test
  void caseAndAccentsDoNotMatter() {
    assertEquals(List.of("r1/2"), find("CAFE", MINE));
    assertEquals(List.of("r1/2"), find("creme brulee", MINE));
    assertEquals(List.of("r1/2"), find("Crème", MINE));
  }

  @Test
  void phrasesMatchWordsInOrder() {
    assertEquals(List.of("r1/1"), find("\"payment service\"", MINE));
    assertEquals(List.of(), find("\"service payment\"", MINE));
    assertEquals(List.of("r1/3"), find("\"the server\"", MINE));
  }

  @Test
  void onlyTheRoomsNamedAreSearched() {
    assertEquals(List.of("r1/3", "r1/1"), find("deploy", MINE), "not the secret room's message");
    assertEquals(List.of("secret/1"), find("deploy", Set.of("secret")));
    assertEquals(List.of(), find("deploy", Set.of()));
  }

  @Test
  void filtersBySenderDateFilesAndPins() {
    assertEquals(
        List.of("r1/2"),
        ids(query(SearchQuery.parse("the"), MINE, Set.of("bob"), SearchQuery.Order.NEWEST)));
    assertEquals(List.of("r2/1"), find("after:2026-11-01", MINE));
    assertEquals(List.of("r1/3", "r1/2", "r1/1"), find("before:2026-11-02", MINE));
    assertEquals(List.of("r1/3", "r1/2", "r1/1"), find("on:2026-11-01", MINE));
    assertEquals(List.of(), find("has:file", MINE));
    index.put(msg("r2", 2, "ada", "minutes attached", T0.plusSeconds(90_000)).withPin("bob"));
    Message withFile =
        new Message(
            "r2-3",
            "r2",
            3,
            "ada",
            "see the plan",
            "text/markdown",
            T0.plusSeconds(90_100),
            null,
            false,
            "c",
            Map.of(),
            List.of(),
            null,
            null,
            null,
            0,
            false,
            null,
            List.of(new Attachment("f1", "roadmap-2027.pdf", "application/pdf", 10, null, 0, 0)),
            null);
    index.put(withFile);
    index.refresh();
    assertEquals(List.of("r2/3"), find("has:file", MINE));
    assertEquals(List.of("r2/3"), find("roadmap", MINE), "a file's name is searchable");
    assertEquals(List.of("r2/2"), find("is:pinned", MINE));
  }

  @Test
  void anEditedMessageIsFoundByItsNewTextOnlyAndADeletedOneNotAtAll() {
    Message first = msg("r1", 4, "ada", "lunch at noon", T0.plusSeconds(200));
    index.put(first);
    index.put(first.edited("dinner at seven", null, List.of(), T0.plusSeconds(300)));
    index.refresh();
    assertEquals(List.of(), find("lunch", MINE));
    assertEquals(List.of("r1/4"), find("dinner", MINE));
    index.remove("r1", List.of(4L));
    index.refresh();
    assertEquals(List.of(), find("dinner", MINE));
  }

  @Test
  void snippetsMarkWhatMatchedAsPlainParts() {
    index.put(msg("r1", 5, "ada", "<script>alert(1)</script> deploying now", T0.plusSeconds(400)));
    index.refresh();
    SearchHit hit =
        query(SearchQuery.parse("deplo"), Set.of("r1"), Set.of(), SearchQuery.Order.NEWEST)
            .hits()
            .get(0);
    assertEquals(5, hit.seq());
    assertEquals("<script>alert(1)</script> deploying now", hit.snippet().text());
    assertTrue(
        hit.snippet().parts().contains(new Snippet.Part("deploying", true)),
        hit.snippet().toString());
    assertTrue(hit.snippet().parts().stream().filter(Snippet.Part::highlighted).count() == 1);
  }

  @Test
  void relevancePutsTheBetterMatchFirst() {
    index.put(msg("r2", 4, "ada", "deploy deploy deploy", T0.minusSeconds(500)));
    index.refresh();
    List<String> byRelevance =
        ids(query(SearchQuery.parse("deploy"), MINE, Set.of(), SearchQuery.Order.RELEVANCE));
    assertEquals("r2/4", byRelevance.get(0), byRelevance.toString());
    assertEquals("r1/3", find("deploy", MINE).get(0), "newest first otherwise");
  }

  @Test
  void marksAndDocumentsSurviveAReopenTogether() {
    index.mark("r1", new IndexMark(3, 7));
    index.commit();
    index.close();
    index = LuceneMessageIndex.open(dir);
    assertEquals(new IndexMark(3, 7), index.mark("r1"));
    assertEquals(IndexMark.NONE, index.mark("r9"));
    assertEquals(5, index.size());
  }

  @Test
  void aPersonsMessagesPageOldestFirst() {
    List<MessageRef> first = index.bySender("ada", null, 1);
    assertEquals(List.of(new MessageRef("r1", 1, T0)), first);
    List<MessageRef> rest = index.bySender("ada", first.get(0), 10);
    assertEquals(List.of(new MessageRef("r1", 3, T0.plusSeconds(120))), rest);
    assertEquals(List.of(), index.bySender("ada", rest.get(0), 10));
  }
}
