package io.parley.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's backend that answers a write only once it is committed and on disk. H2
 * commits nothing by itself here (its background writer is off): every write command goes through a
 * {@link GroupCommit}, so the writes that arrive together share one commit and one flush.
 */
final class DurableH2Backend extends KeyedH2Backend {

  /** The commands that change data; every other command (find, getMore, hello, ...) reads. */
  static final Set<String> WRITES =
      Set.of(
          "insert",
          "update",
          "delete",
          "findAndModify",
          "findandmodify",
          "create",
          "createIndexes",
          "drop",
          "dropIndexes",
          "dropDatabase",
          "renameCollection");

  private final GroupCommit commits;

  DurableH2Backend(MVStore store, GroupCommit commits) {
    super(store);
    this.commits = commits;
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    if (!isWrite(message.getDocument())) {
      return super.handleMessage(message);
    }
    return commits.write(() -> super.handleMessage(message));
  }

  static boolean isWrite(Document command) {
    return !command.isEmpty() && WRITES.contains(command.keySet().iterator().next());
  }
}
