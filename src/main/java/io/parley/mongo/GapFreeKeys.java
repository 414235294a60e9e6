package io.parley.mongo;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bson.Document;

/**
 * A per-room, gap-free numbering (message seqs, change revs) whose documents carry the key
 * "roomId/number" in a one-field unique index. Every read is a lookup of such keys ({@code $in}):
 * one indexed operation on a real MongoDB, and on the embedded store (which only answers exact
 * matches and {@code $in} on one-field unique indexes from an index, and scans for anything else)
 * as fast with a million documents as with ten. A room's last number is found by probing keys
 * upward from the highest one this node has seen.
 */
final class GapFreeKeys {

  /** Keys looked up per probe when finding a room's last number. */
  static final int PROBE = 64;

  private final MongoCollection<Document> collection;
  private final String keyField;
  private final String numberField;
  private final ConcurrentMap<String, Long> knownLast = new ConcurrentHashMap<>();

  GapFreeKeys(MongoCollection<Document> collection, String keyField, String numberField) {
    this.collection = collection;
    this.keyField = keyField;
    this.numberField = numberField;
  }

  static String key(String roomId, long number) {
    return roomId + "/" + number;
  }

  static List<String> keys(String roomId, long from, long to) {
    List<String> keys = new ArrayList<>((int) Math.max(0, to - from + 1));
    for (long n = from; n <= to; n++) {
      keys.add(key(roomId, n));
    }
    return keys;
  }

  /** A number known to be stored (written here, or announced by the node that wrote it). */
  void seen(String roomId, long number) {
    knownLast.merge(roomId, number, Math::max);
  }

  long known(String roomId) {
    return knownLast.getOrDefault(roomId, 0L);
  }

  /** The room's highest stored number, 0 when it has none. */
  long last(String roomId) {
    long last = known(roomId);
    if (last == 0) {
      last = highestPowerOfTwoStored(roomId);
      if (last == 0) {
        return 0;
      }
      last = search(roomId, last, last * 2);
    }
    // Numbers are gap-free: probe the next keys, a few first (usually nothing or little is new,
    // and each key is an index lookup), more while probes come back full.
    int width = 2;
    while (true) {
      long from = last + 1;
      long highest = highestOf(keys(roomId, from, from + width - 1));
      if (highest == 0) {
        break;
      }
      last = highest;
      if (highest < from + width - 1) {
        break;
      }
      width = Math.min(PROBE, width * 8);
    }
    seen(roomId, last);
    return last;
  }

  /** The largest 2^k that is a stored number of the room (0 when it has none). */
  private long highestPowerOfTwoStored(String roomId) {
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < 50; k++) {
      keys.add(key(roomId, 1L << k));
    }
    return highestOf(keys);
  }

  /** The last number, knowing {@code low} is stored and {@code high} is not. */
  private long search(String roomId, long low, long high) {
    while (high - low > 1) {
      long step = Math.max(1, (high - low) / PROBE);
      List<String> keys = new ArrayList<>();
      for (long n = low + step; n < high; n += step) {
        keys.add(key(roomId, n));
      }
      long best = Math.max(low, highestOf(keys));
      high = Math.min(high, best + step);
      low = best;
    }
    return low;
  }

  /** The highest number among the stored documents with these keys, 0 when none is stored. */
  private long highestOf(List<String> keys) {
    long best = 0;
    for (Document d :
        collection.find(in(keyField, keys)).projection(Projections.include(numberField))) {
      best = Math.max(best, d.getLong(numberField));
    }
    return best;
  }
}
