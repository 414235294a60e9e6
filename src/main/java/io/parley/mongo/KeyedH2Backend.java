package io.parley.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the embedded store with its unique indexes kept in maps whose keys are compared
 * as values ({@link IndexKeyType}), under names of their own. A store written by the plain backend
 * keeps its documents; its old index maps are dropped and the indexes rebuilt from the documents
 * once, when the store is first opened by this backend.
 */
class KeyedH2Backend extends H2Backend {

  private static final Logger LOG = Logger.getLogger(KeyedH2Backend.class.getName());
  private static final Logger SCANS = Logger.getLogger(KeyedH2Backend.class.getName() + ".scans");

  /** The plain backend's map name prefixes for a collection's documents and its metadata. */
  static final String DATA_PREFIX = "databases.";

  private static final String META_PREFIX = "meta.";

  /** Appended to the plain backend's map name for an index. */
  static final String MAP_SUFFIX = ".valueKeys";

  KeyedH2Backend(MVStore store) {
    super(store);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName);
  }

  private final class Database extends H2Database {

    Database(String name) {
      super(name, getMvStore(), getCursorRegistry());
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      MVStore store = getMvStore();
      String plainName = plainMapName(collectionName, indexName);
      if (store.hasMap(plainName)) {
        LOG.info(() -> "Rebuilding index " + plainName + " with value-ordered keys (once)");
        // Opened with its own key type before removal: removeMap(name) would open it with H2's
        // generic type, which cannot compare, and the background writer may still rewrite it.
        store.removeMap(store.openMap(plainName));
      }
      return new ValueKeyedIndex(valueKeyed(plainName), indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      String full = getFullCollectionNamespace(collectionName);
      return new ScanLoggingCollection(
          this,
          collectionName,
          options,
          getMvStore()
              .openMap(
                  DATA_PREFIX + full,
                  new MVMap.Builder<Object, Document>().valueType(new DocumentType())),
          getMvStore().openMap(META_PREFIX + full),
          getCursorRegistry());
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
      super.dropIndex(collection, indexName);
      String plainName = plainMapName(collection.getCollectionName(), indexName);
      if (getMvStore().hasMap(plainName + MAP_SUFFIX)) {
        getMvStore().removeMap(valueKeyed(plainName));
      }
    }

    private MVMap<KeyValue, Object> valueKeyed(String plainName) {
      return getMvStore()
          .openMap(
              plainName + MAP_SUFFIX,
              new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
    }

    private String plainMapName(String collectionName, String indexName) {
      return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
  }

  /**
   * The plain collection, saying (at FINE) when a query reads every document: the embedded store
   * answers only exact unique-key matches from an index, and a scan on a hot path is the first
   * thing to look for when the store's CPU grows with its data.
   */
  static final class ScanLoggingCollection extends H2Collection {

    ScanLoggingCollection(
        MongoDatabase database,
        String name,
        CollectionOptions options,
        MVMap<Object, Document> data,
        MVMap<String, Object> meta,
        CursorRegistry cursors) {
      super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult matchDocuments(
        Document query,
        Document orderBy,
        int numberToSkip,
        int limit,
        int batchSize,
        Document fieldSelector) {
      if (SCANS.isLoggable(Level.FINE)) {
        SCANS.fine("scan of " + getFullName() + " (" + count() + " documents) for " + query);
      }
      return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
  }

  /** A unique index over one H2 map (as the plain backend's, which cannot be built from here). */
  static final class ValueKeyedIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> map;

    ValueKeyedIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
      super(name, keys, sparse);
      this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
      return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
      return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
      return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
      return map.get(key);
    }

    @Override
    public long getCount() {
      return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public long getDataSize() {
      return getCount();
    }
  }
}
