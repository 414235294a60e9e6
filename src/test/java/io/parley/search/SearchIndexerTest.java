package io.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.lucene.LuceneMessageIndex;
import io.parley.messaging.Message;
import io.parley.messaging.MessageChange;
import io.parley.testing.InMemoryMessageStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexer with a real Lucene index and the in-memory store: live events, gaps filled from the
 * store, and a node restarted mid-stream catching up from its marks rather than rebuilding.
 */
class SearchIndexerTest {

  @TempDir Path dir;
  private final InMemoryMessageStore store = new InMemoryMessageStore();
  private LuceneMessageIndex index;
  private SearchIndexer indexer;
  private long rev;

  private void start() throws Exception {
    index = LuceneMessageIndex.open(dir);
    indexer = new SearchIndexer(index, store, store, () -> List.of("r1", "r2"), 10_000);
    indexer.start();
    indexer.caughtUp().get(10, TimeUnit.SECONDS);
  }

  private void stop() {
    indexer.close();
    index.close();
  }

  @AfterEach
  void tearDown() {
    if (indexer != null) {
      stop();
    }
  }

  private Message post(String room, long seq, String body) {
    Message m = LuceneMessageIndexTest.msg(room, seq, "ada", body, Instant.now());
    store.insert(m);
    return m;
  }

  private MessageChange edit(Message m, String body) {
    MessageChange c =
        new MessageChange(
            m.roomId(),
            ++rev,
            m.seq(),
            MessageChange.Kind.EDITED,
            "ada",
            Instant.now(),
            m.edited(body, null, List.of(), Instant.now()));
    store.change(c, "e" + rev);
    return c;
  }

  private MessageChange delete(Message m) {
    MessageChange c =
        new MessageChange(
            m.roomId(),
            ++rev,
            m.seq(),
            MessageChange.Kind.DELETED,
            "ada",
            Instant.now(),
            m.tombstone(Instant.now()));
    store.change(c, "d" + rev);
    return c;
  }

  private List<Long> found(String text) throws InterruptedException {
    return found(text, -1);
  }

  /** Seqs found in r1, waiting (up to 5 s) until there are {@code expected} of them. */
  private List<Long> found(String text, int expected) throws InterruptedException {
    List<Long> seqs = List.of();
    for (int i = 0; i < 100; i++) {
      SearchQuery q = SearchQuery.parse(text);
      seqs =
          index
              .search(
                  new IndexQuery(
                      q.words(),
                      q.phrases(),
                      Set.of("r1"),
                      Set.of(),
                      null,
                      null,
                      false,
                      false,
                      SearchQuery.Order.NEWEST,
                      0,
                      50))
              .hits()
              .stream()
              .map(SearchHit::seq)
              .sorted()
              .toList();
      if (expected < 0 || seqs.size() == expected) {
        return seqs;
      }
      Thread.sleep(50);
    }
    return seqs;
  }

  @Test
  void followsTheStreamLiveIncludingEditsAndDeletes() throws Exception {
    start();
    Message a = post("r1", 1, "kickoff agenda");
    indexer.accept(a);
    Message b = post("r1", 2, "agenda draft two");
    indexer.accept(b);
    assertEquals(List.of(1L, 2L), found("agenda", 2));
    indexer.accept(edit(a, "kickoff moved to Tuesday"));
    assertEquals(List.of(2L), found("agenda", 1), "the old text is no longer found");
    assertEquals(List.of(1L), found("tuesday", 1));
    indexer.accept(delete(b));
    assertEquals(List.of(), found("agenda", 0));
    assertEquals(new IndexMark(2, 2), index.mark("r1"));
  }

  @Test
  void aGapIsFilledFromTheStore() throws Exception {
    start();
    post("r1", 1, "alpha");
    post("r1", 2, "alpha beta"); // never announced to this node
    indexer.accept(post("r1", 3, "alpha gamma"));
    assertEquals(List.of(1L, 2L, 3L), found("alpha", 3));
  }

  @Test
  void aNodeRestartedMidStreamCatchesUpFromItsMarks() throws Exception {
    start();
    Message first = post("r1", 1, "retro notes");
    indexer.accept(first);
    Message second = post("r1", 2, "retro actions");
    indexer.accept(second);
    assertEquals(List.of(1L, 2L), found("retro", 2));
    stop();
    indexer = null;
    // While the node is down: new messages, an edit and a delete of what it had indexed.
    post("r1", 3, "retro follow-up");
    edit(first, "planning notes");
    delete(second);
    post("r1", 4, "unrelated");
    start();
    assertEquals(List.of(3L), found("retro"));
    assertEquals(List.of(1L), found("planning"));
    assertEquals(new IndexMark(4, rev), index.mark("r1"));
    assertEquals(List.of(), found("kickoff"));
  }

  @Test
  void aWipedIndexIsRebuiltFromTheStore() throws Exception {
    post("r1", 1, "budget review");
    post("r1", 2, "budget approved");
    start();
    assertEquals(List.of(1L, 2L), found("budget"));
    index.clear();
    index.refresh();
    assertEquals(List.of(), found("budget"));
    indexer.rebuild().get(10, TimeUnit.SECONDS);
    assertEquals(List.of(1L, 2L), found("budget", 2));
  }

  @Test
  void forgottenMessagesLeaveTheIndex() throws Exception {
    post("r1", 1, "old news");
    post("r1", 2, "old rumours");
    start();
    indexer.forget("r1", List.of(1L));
    assertEquals(List.of(2L), found("old", 1));
  }
}
