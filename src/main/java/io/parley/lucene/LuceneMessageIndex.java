package io.parley.lucene;

import io.parley.messaging.Attachment;
import io.parley.messaging.Message;
import io.parley.search.IndexMark;
import io.parley.search.IndexQuery;
import io.parley.search.IndexedPage;
import io.parley.search.MessageIndex;
import io.parley.search.MessageRef;
import io.parley.search.SearchHit;
import io.parley.search.SearchQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The message index in Lucene: one document per message ({@code "roomId/seq"}), its text analysed
 * by {@link TextAnalysis}, and the fields the filters and orders need. The room marks travel in
 * each commit's user data, so after a crash the marks and the documents are from the same commit.
 *
 * <p>Long on purpose: the fields written and the queries that read them must agree field by field,
 * and they are easiest to keep in step side by side.
 */
public final class LuceneMessageIndex implements MessageIndex {

  private static final String ID = "id";
  private static final String ROOM = "room";
  private static final String SEQ = "seq";
  private static final String THREAD = "thread";
  private static final String SENDER = "sender";
  private static final String AT = "at";
  private static final String TEXT = "text";
  private static final String FILE = "file";
  private static final String PINNED = "pinned";
  private static final String YES = "y";
  private static final String MARK = "mark.";

  /** Words shorter than this match whole (as written or by stem) only, never as a prefix. */
  static final int MIN_PREFIX = 2;

  private static final Sort NEWEST =
      new Sort(
          new SortField(AT, SortField.Type.LONG, true),
          new SortField(SEQ, SortField.Type.LONG, true));
  private static final Sort RELEVANCE =
      new Sort(SortField.FIELD_SCORE, new SortField(AT, SortField.Type.LONG, true));
  private static final Sort OLDEST =
      new Sort(
          new SortField(AT, SortField.Type.LONG),
          new SortField(ROOM, SortField.Type.STRING),
          new SortField(SEQ, SortField.Type.LONG));

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, IndexMark> marks = new ConcurrentHashMap<>();

  private LuceneMessageIndex(Directory directory) throws IOException {
    this.directory = directory;
    if (DirectoryReader.indexExists(directory)) {
      SegmentInfos.readLatestCommit(directory)
          .getUserData()
          .forEach(
              (k, v) -> {
                if (k.startsWith(MARK)) {
                  marks.put(k.substring(MARK.length()), IndexMark.parse(v));
                }
              });
    }
    IndexWriterConfig config = new IndexWriterConfig(TextAnalysis.INDEX);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(48);
    config.setCommitOnClose(false); // close() commits itself, with the marks
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens the index kept in {@code dir}, creating it if there is none. */
  public static LuceneMessageIndex open(Path dir) {
    try {
      Files.createDirectories(dir);
      return new LuceneMessageIndex(FSDirectory.open(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + dir, e);
    }
  }

  @Override
  public void put(Message m) {
    Document doc = new Document();
    String key = m.roomId() + "/" + m.seq();
    doc.add(new StringField(ID, key, Field.Store.NO));
    doc.add(new StringField(ROOM, m.roomId(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ROOM, new BytesRef(m.roomId())));
    doc.add(new StoredField(SEQ, m.seq()));
    doc.add(new NumericDocValuesField(SEQ, m.seq()));
    doc.add(new StoredField(THREAD, m.threadOf()));
    doc.add(new StringField(SENDER, m.senderId(), Field.Store.YES));
    long at = m.createdAt().toEpochMilli();
    doc.add(new LongPoint(AT, at));
    doc.add(new NumericDocValuesField(AT, at));
    doc.add(new StoredField(AT, at));
    doc.add(new TextField(TEXT, text(m), Field.Store.YES));
    if (!m.files().isEmpty()) {
      doc.add(new StringField(FILE, YES, Field.Store.NO));
    }
    if (m.pinned()) {
      doc.add(new StringField(PINNED, YES, Field.Store.NO));
    }
    try {
      writer.updateDocument(new Term(ID, key), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body and the names of its files; the highlighter's markers are never part of it. */
  private static String text(Message m) {
    StringBuilder b = new StringBuilder(m.body() == null ? "" : m.body());
    for (Attachment a : m.files()) {
      b.append('\n').append(a.name());
    }
    return Highlights.clean(b.toString());
  }

  @Override
  public void remove(String roomId, Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return;
    }
    Term[] ids = seqs.stream().map(s -> new Term(ID, roomId + "/" + s)).toArray(Term[]::new);
    try {
      writer.deleteDocuments(ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public IndexMark mark(String roomId) {
    return marks.getOrDefault(roomId, IndexMark.NONE);
  }

  @Override
  public void mark(String roomId, IndexMark mark) {
    marks.put(roomId, mark);
  }

  @Override
  public Map<String, IndexMark> marks() {
    return Map.copyOf(marks);
  }

  @Override
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void commit() {
    Map<String, String> data = new HashMap<>();
    marks.forEach((room, mark) -> data.put(MARK + room, mark.toString()));
    try {
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void clear() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    marks.clear();
  }

  @Override
  public IndexedPage search(IndexQuery q) {
    if (q.roomIds().isEmpty()) {
      return IndexedPage.EMPTY;
    }
    Query query = query(q);
    Sort sort = q.order() == SearchQuery.Order.RELEVANCE ? RELEVANCE : NEWEST;
    IndexSearcher searcher = acquire();
    try {
      TopFieldDocs top = searcher.search(query, q.offset() + q.limit(), sort, true);
      ScoreDoc[] docs = top.scoreDocs;
      Highlights highlights = new Highlights(query, TEXT);
      StoredFields stored = searcher.storedFields();
      List<SearchHit> hits = new ArrayList<>();
      for (int i = q.offset(); i < docs.length; i++) {
        Document d = stored.document(docs[i].doc);
        hits.add(
            new SearchHit(
                d.get(ROOM),
                d.getField(SEQ).numericValue().longValue(),
                d.getField(THREAD).numericValue().longValue(),
                d.get(SENDER),
                Instant.ofEpochMilli(d.getField(AT).numericValue().longValue()),
                docs[i].score,
                highlights.snippet(d.get(TEXT))));
      }
      TotalHits total = top.totalHits;
      return new IndexedPage(hits, total.value, total.relation == TotalHits.Relation.EQUAL_TO);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  /** Every word must match (as written, by stem, or as a prefix), every phrase, every filter. */
  private static Query query(IndexQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String word : q.words()) {
      for (String t : TextAnalysis.words(word)) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        either.add(new TermQuery(new Term(TEXT, t)), Occur.SHOULD);
        String stem = TextAnalysis.stem(t);
        if (!stem.equals(t)) {
          either.add(new TermQuery(new Term(TEXT, stem)), Occur.SHOULD);
        }
        if (t.length() >= MIN_PREFIX) {
          either.add(new PrefixQuery(new Term(TEXT, t)), Occur.SHOULD);
        }
        b.add(either.build(), Occur.MUST);
      }
    }
    for (String phrase : q.phrases()) {
      List<String> terms = TextAnalysis.words(phrase);
      if (terms.size() == 1) {
        b.add(new TermQuery(new Term(TEXT, terms.get(0))), Occur.MUST);
      } else if (!terms.isEmpty()) {
        b.add(new PhraseQuery(TEXT, terms.toArray(String[]::new)), Occur.MUST);
      }
    }
    b.add(new TermInSetQuery(ROOM, q.roomIds().stream().map(BytesRef::new).toList()), Occur.FILTER);
    if (!q.senderIds().isEmpty()) {
      b.add(
          new TermInSetQuery(SENDER, q.senderIds().stream().map(BytesRef::new).toList()),
          Occur.FILTER);
    }
    if (q.from() != null || q.to() != null) {
      long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
      long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(AT, from, to), Occur.FILTER);
    }
    if (q.withFiles()) {
      b.add(new TermQuery(new Term(FILE, YES)), Occur.FILTER);
    }
    if (q.pinned()) {
      b.add(new TermQuery(new Term(PINNED, YES)), Occur.FILTER);
    }
    return b.build();
  }

  @Override
  public List<MessageRef> bySender(String senderId, MessageRef after, int limit) {
    Query query = new TermQuery(new Term(SENDER, senderId));
    IndexSearcher searcher = acquire();
    try {
      org.apache.lucene.search.TopDocs top;
      if (searcher.getIndexReader().maxDoc() == 0) {
        return List.of();
      } else if (after == null) {
        top = searcher.search(query, limit, OLDEST);
      } else {
        // Past the last one returned: its sort values, and the highest doc id (ties go by doc id,
        // and only that message has these values).
        FieldDoc last =
            new FieldDoc(
                Math.max(0, searcher.getIndexReader().maxDoc() - 1),
                Float.NaN,
                new Object[] {
                  after.createdAt().toEpochMilli(), new BytesRef(after.roomId()), after.seq()
                });
        top = searcher.searchAfter(last, query, limit, OLDEST);
      }
      StoredFields stored = searcher.storedFields();
      List<MessageRef> refs = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = stored.document(sd.doc);
        refs.add(
            new MessageRef(
                d.get(ROOM),
                d.getField(SEQ).numericValue().longValue(),
                Instant.ofEpochMilli(d.getField(AT).numericValue().longValue())));
      }
      return refs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public long size() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  private IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      commit();
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
