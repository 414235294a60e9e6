package io.parley.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps a unique index's keys in H2: compared as MongoDB values, field by
 * field. H2's default type does not know the backend's {@link KeyValue} (it is not Comparable), so
 * it Java-serializes both keys for <em>every comparison</em> of a B-tree descent: a quarter of the
 * server's CPU under chat load went there. Each field is written with H2's own object type.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

  static final IndexKeyType INSTANCE = new IndexKeyType();

  private static final ObjectDataType FIELD = new ObjectDataType();
  private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

  private IndexKeyType() {}

  @Override
  public int compare(KeyValue a, KeyValue b) {
    if (a == b) {
      return 0;
    }
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = ORDER.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public int getMemory(KeyValue key) {
    int memory = 24;
    for (Object field : key) {
      memory += FIELD.getMemory(field);
    }
    return memory;
  }

  @Override
  public void write(WriteBuffer buffer, KeyValue key) {
    buffer.putVarInt(key.size());
    for (Object field : key) {
      FIELD.write(buffer, field);
    }
  }

  @Override
  public KeyValue read(ByteBuffer buffer) {
    int n = DataUtils.readVarInt(buffer);
    List<Object> fields = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      fields.add(FIELD.read(buffer));
    }
    return new KeyValue(fields);
  }

  @Override
  public KeyValue[] createStorage(int size) {
    return new KeyValue[size];
  }
}
