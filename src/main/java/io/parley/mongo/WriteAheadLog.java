package io.parley.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The embedded store's write-ahead log: every write command, numbered (its lsn), appended to a
 * segment file before it is answered. The H2 file is committed only at checkpoints; after a crash
 * the commands after the last one H2 holds are applied again. This is what makes an answered write
 * durable: H2 alone, with a commit and an fsync per write, still lost its newest commits on
 * reopening a file whose chunks had been written into reused space (docs/performance.md).
 *
 * <p>A segment starts with its store's id and its first lsn; each record is {@code length, lsn,
 * CRC-32C, bytes}. A record cut short by a crash (bad length or checksum) ends the log: it was
 * never answered. Appends and flushes are serialised by the store (appends under its write order,
 * flushes with no write in progress); forcing runs beside them.
 */
final class WriteAheadLog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WriteAheadLog.class.getName());
  private static final String PREFIX = "wal-";
  private static final String SUFFIX = ".log";
  private static final int MAGIC = 0x50574c31; // "PWL1"
  private static final int RECORD_HEADER = 4 + 8 + 4;

  /** The largest record read back; anything larger is a torn write. */
  static final int MAX_RECORD = 64 << 20;

  private final Path dir;
  private final String storeId;
  private final boolean force;
  private final Object channelLock = new Object();
  private FileChannel segment;
  private Path segmentPath;
  private ByteBuffer pending = ByteBuffer.allocate(1 << 16);
  private long lastLsn;

  private WriteAheadLog(Path dir, String storeId, boolean force, long lastLsn) {
    this.dir = dir;
    this.storeId = storeId;
    this.force = force;
    this.lastLsn = lastLsn;
  }

  /**
   * Opens the log in {@code dir} for the store {@code storeId}, hands every intact record after
   * {@code appliedLsn} to {@code replay} in order, and starts a new segment for what follows.
   *
   * @throws WalGap when the log no longer reaches back to {@code appliedLsn} (records lost)
   */
  static WriteAheadLog open(
      Path dir,
      String storeId,
      boolean force,
      long appliedLsn,
      BiConsumer<Long, ByteBuffer> replay) {
    try {
      Files.createDirectories(dir);
      long last = appliedLsn;
      List<Path> segments = segments(dir);
      boolean first = true;
      for (Path path : segments) {
        Segment s = Segment.read(path);
        if (!s.storeId.equals(storeId)) {
          throw new WalGap(
              "the write-ahead log "
                  + path
                  + " belongs to another store (id "
                  + s.storeId
                  + ", this store is "
                  + storeId
                  + "); a restored store file must not be started with the old log: move "
                  + dir
                  + " aside");
        }
        if (first && s.firstLsn > appliedLsn + 1 && !s.records.isEmpty()) {
          throw new WalGap(
              "the store file holds writes up to "
                  + appliedLsn
                  + " but the write-ahead log starts at "
                  + s.firstLsn
                  + ": writes in between are missing");
        }
        first = false;
        for (Record r : s.records) {
          if (r.lsn > last) {
            replay.accept(r.lsn, r.bytes);
            last = r.lsn;
          }
        }
      }
      WriteAheadLog log = new WriteAheadLog(dir, storeId, force, last);
      log.startSegment();
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the write-ahead log in " + dir, e);
    }
  }

  /** Buffers one record and returns its lsn; {@link #flush} writes it out. */
  long append(byte[] bytes) {
    long lsn = ++lastLsn;
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    ensure(RECORD_HEADER + bytes.length);
    pending.putInt(bytes.length).putLong(lsn).putInt((int) crc.getValue()).put(bytes);
    return lsn;
  }

  /**
   * Writes what was appended to the segment (the OS has it: a crash of Parley loses none of it).
   */
  void flush() throws IOException {
    pending.flip();
    while (pending.hasRemaining()) {
      segment.write(pending);
    }
    pending.clear();
  }

  /**
   * Puts what was flushed on the disk (survives a power cut), unless forcing is off. Runs while the
   * next writes are appended; only a rotation waits for it.
   */
  void force() throws IOException {
    if (force) {
      synchronized (channelLock) {
        segment.force(false);
      }
    }
  }

  /**
   * Starts a new segment for the records after the current last lsn (call with every record
   * flushed), and deletes the segments whose records are all at or below {@code keepAfter}.
   */
  void rotate(long keepAfter) throws IOException {
    flush();
    synchronized (channelLock) {
      force();
      segment.close();
      startSegment();
    }
    List<Path> segments = segments(dir);
    for (int i = 0; i + 1 < segments.size(); i++) {
      long nextFirst = firstLsn(segments.get(i + 1));
      if (nextFirst - 1 <= keepAfter) {
        Files.deleteIfExists(segments.get(i));
      }
    }
  }

  @Override
  public void close() throws IOException {
    flush();
    synchronized (channelLock) {
      force();
      segment.close();
    }
  }

  private void startSegment() throws IOException {
    long first = lastLsn + 1;
    segmentPath = dir.resolve(String.format("%s%020d%s", PREFIX, first, SUFFIX));
    segment =
        FileChannel.open(
            segmentPath,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    byte[] id = storeId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer header = ByteBuffer.allocate(4 + 8 + 4 + id.length);
    header.putInt(MAGIC).putLong(first).putInt(id.length).put(id).flip();
    while (header.hasRemaining()) {
      segment.write(header);
    }
    segment.force(true);
    forceDirectory();
  }

  /** A new file's name is durable only once its directory is. */
  private void forceDirectory() {
    if (!force) {
      return;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.fine(() -> "cannot force the directory " + dir + ": " + e);
    }
  }

  private void ensure(int bytes) {
    if (pending.remaining() < bytes) {
      ByteBuffer bigger =
          ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + bytes));
      pending.flip();
      bigger.put(pending);
      pending = bigger;
    }
  }

  private static List<Path> segments(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().startsWith(PREFIX)
                      && p.getFileName().toString().endsWith(SUFFIX))
          .sorted()
          .toList();
    }
  }

  private static long firstLsn(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
  }

  private record Record(long lsn, ByteBuffer bytes) {}

  private record Segment(String storeId, long firstLsn, List<Record> records) {

    static Segment read(Path path) throws IOException {
      ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(path));
      if (all.remaining() < 16 || all.getInt() != MAGIC) {
        throw new WalGap("the write-ahead log segment " + path + " is not one (bad header)");
      }
      long first = all.getLong();
      int idLength = all.getInt();
      if (idLength < 0 || idLength > all.remaining()) {
        throw new WalGap("the write-ahead log segment " + path + " has a damaged header");
      }
      byte[] id = new byte[idLength];
      all.get(id);
      List<Record> records = new ArrayList<>();
      long expected = first;
      while (all.remaining() >= RECORD_HEADER) {
        int length = all.getInt();
        long lsn = all.getLong();
        int crc = all.getInt();
        if (length < 0 || length > MAX_RECORD || length > all.remaining() || lsn != expected) {
          break; // torn at the end: written, never answered
        }
        ByteBuffer bytes = all.slice(all.position(), length);
        all.position(all.position() + length);
        CRC32C check = new CRC32C();
        check.update(bytes.duplicate());
        if ((int) check.getValue() != crc) {
          break;
        }
        records.add(new Record(lsn, bytes));
        expected++;
      }
      return new Segment(new String(id, StandardCharsets.UTF_8), first, records);
    }
  }

  /** The log cannot bring the store file up to date: starting would lose answered writes. */
  static final class WalGap extends IllegalStateException {
    WalGap(String message) {
      super(message);
    }
  }
}
