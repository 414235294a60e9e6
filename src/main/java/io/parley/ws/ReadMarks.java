package io.parley.ws;

import io.parley.receipts.ReceiptStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Read watermarks of members watching a room, written in batches: a delivered message raises the
 * mark in memory, and once a second each raised mark is stored with one {@code $max} update,
 * instead of one write per delivered message per socket.
 */
@ApplicationScoped
public class ReadMarks {

  private static final Logger LOG = Logger.getLogger(ReadMarks.class.getName());

  @Inject ReceiptStore receipts;

  private final Map<Key, Long> pending = new ConcurrentHashMap<>();
  private ScheduledExecutorService flusher;

  private record Key(String userId, String roomId) {}

  @PostConstruct
  void start() {
    flusher = Schedulers.daemon("parley-read-marks");
    flusher.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
  }

  /** The member has seen the room up to {@code seq}. */
  void read(String userId, String roomId, long seq) {
    pending.merge(new Key(userId, roomId), seq, Math::max);
  }

  void flush() {
    for (Key key : pending.keySet()) {
      Long seq = pending.remove(key);
      if (seq != null) {
        try {
          receipts.markRead(key.userId(), key.roomId(), seq);
        } catch (RuntimeException e) {
          pending.merge(key, seq, Math::max); // try again on the next round
          LOG.log(Level.WARNING, "could not store a read mark", e);
        }
      }
    }
  }

  @PreDestroy
  void stop() {
    flusher.shutdown();
    flush();
  }
}
