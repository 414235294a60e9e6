package io.parley.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The embedded store's documents as BSON in the H2 file. H2's default type Java-serializes each
 * document (class descriptors and all) whenever a page is written: at every checkpoint the
 * serialization of the changed pages was the biggest cost of the store under chat load. A document
 * is written as a marker byte and its BSON; anything else, and pages written before this type
 * existed, go through H2's own type, so a store from before opens unchanged.
 */
final class DocumentType extends BasicDataType<Object> {

  /** Not one of H2's own type tags (they end below 128). */
  private static final byte BSON = (byte) 0xF0;

  private final ObjectDataType other = new ObjectDataType();

  @Override
  public int compare(Object a, Object b) {
    return other.compare(a, b);
  }

  @Override
  public int getMemory(Object value) {
    return value instanceof Document d ? estimate(d) : other.getMemory(value);
  }

  @Override
  public void write(WriteBuffer buffer, Object value) {
    if (!(value instanceof Document document)) {
      other.write(buffer, value);
      return;
    }
    ByteBuf bson = Unpooled.buffer(256);
    try {
      BsonEncoder.encodeDocument(document, bson);
      buffer.put(BSON);
      buffer.put(bson.nioBuffer());
    } finally {
      bson.release();
    }
  }

  @Override
  public Object read(ByteBuffer buffer) {
    if (buffer.get(buffer.position()) != BSON) {
      return other.read(buffer);
    }
    buffer.get(); // the marker
    // A BSON document starts with its own length (little-endian), so it is read exactly.
    int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
    ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
    buffer.position(buffer.position() + length);
    return BsonDecoder.decodeBson(bson);
  }

  @Override
  public Object[] createStorage(int size) {
    return new Object[size];
  }

  /** A rough size in memory, for H2's page cache (without encoding the document). */
  private static int estimate(Object value) {
    if (value instanceof Map<?, ?> map) {
      int size = 64;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        size += 48 + estimate(e.getKey()) + estimate(e.getValue());
      }
      return size;
    }
    if (value instanceof Collection<?> list) {
      int size = 40;
      for (Object item : list) {
        size += 8 + estimate(item);
      }
      return size;
    }
    if (value instanceof String s) {
      return 40 + s.length();
    }
    return 24;
  }
}
