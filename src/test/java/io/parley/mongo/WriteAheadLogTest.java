package io.parley.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {

  @TempDir Path dir;

  @Test
  void recordsAfterTheAppliedOneAreReplayedInOrder() throws Exception {
    try (WriteAheadLog log = WriteAheadLog.open(dir, "s1", true, 0, (lsn, b) -> {})) {
      for (int i = 1; i <= 5; i++) {
        assertEquals(i, log.append(("w" + i).getBytes(StandardCharsets.UTF_8)));
      }
      log.flush();
      log.force();
    }
    List<String> replayed = new ArrayList<>();
    try (WriteAheadLog log =
        WriteAheadLog.open(dir, "s1", true, 3, (lsn, b) -> replayed.add(lsn + "=" + text(b)))) {
      assertEquals(List.of("4=w4", "5=w5"), replayed);
      assertEquals(6, log.append(new byte[] {1}), "numbering goes on after the log's last");
    }
  }

  @Test
  void aRecordTornByACrashEndsTheLog() throws Exception {
    try (WriteAheadLog log = WriteAheadLog.open(dir, "s1", true, 0, (lsn, b) -> {})) {
      log.append("whole".getBytes(StandardCharsets.UTF_8));
      log.append("torn".getBytes(StandardCharsets.UTF_8));
      log.flush();
    }
    Path segment = segments().get(0);
    long size = Files.size(segment);
    try (var channel = Files.newByteChannel(segment, StandardOpenOption.WRITE)) {
      channel.truncate(size - 2); // the last record's bytes cut short
    }
    List<String> replayed = new ArrayList<>();
    WriteAheadLog.open(dir, "s1", true, 0, (lsn, b) -> replayed.add(text(b))).close();
    assertEquals(List.of("whole"), replayed);
  }

  @Test
  void aLogThatNoLongerReachesTheStoreFileRefusesToStart() throws Exception {
    try (WriteAheadLog log = WriteAheadLog.open(dir, "s1", true, 0, (lsn, b) -> {})) {
      for (int i = 0; i < 10; i++) {
        log.append(new byte[] {(byte) i});
      }
      log.rotate(0);
      log.append(new byte[] {42});
      log.rotate(10); // everything up to 10 is in the store file: the first segment goes
    }
    assertEquals(2, segments().size());
    // A store file that holds only up to 5 cannot be brought up to date any more.
    WriteAheadLog.WalGap gap =
        assertThrows(
            WriteAheadLog.WalGap.class, () -> WriteAheadLog.open(dir, "s1", true, 5, (l, b) -> {}));
    assertTrue(gap.getMessage().contains("missing"), gap.getMessage());
    // Nor is another store's log replayed onto this one.
    assertThrows(
        WriteAheadLog.WalGap.class, () -> WriteAheadLog.open(dir, "s2", true, 10, (l, b) -> {}));
  }

  private List<Path> segments() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  private static String text(ByteBuffer bytes) {
    return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
  }
}
