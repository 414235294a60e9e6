package io.parley.ws;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Frames of any kind on one socket: {@code burst} at once, {@code perSecond} after that. Refusals
 * are answered; a socket that keeps meeting the limit (more than {@code abuseRefusals} refusals
 * within a minute) is abusive and gets closed.
 */
final class FrameGuard {

  static final int BURST = 100;
  static final int PER_SECOND = 50;
  static final int ABUSE_REFUSALS = 50;
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final Bucket frames;
  private final LongSupplier nanos;
  private final int abuseRefusals;
  private final ArrayDeque<Long> refusals = new ArrayDeque<>(); // guarded by this

  FrameGuard() {
    this(BURST, PER_SECOND, ABUSE_REFUSALS, System::nanoTime);
  }

  FrameGuard(int burst, int perSecond, int abuseRefusals, LongSupplier nanos) {
    this.nanos = nanos;
    this.abuseRefusals = abuseRefusals;
    this.frames =
        Bucket.builder()
            .addLimit(l -> l.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
            .withCustomTimePrecision(new Meter(nanos))
            .build();
  }

  /** Takes one frame from the budget. */
  boolean allowed() {
    return frames.tryConsume(1);
  }

  /** Notes a refusal; true once they keep coming (too many within a minute). */
  synchronized boolean persistentlyAbusive() {
    long now = nanos.getAsLong();
    refusals.addLast(now);
    while (!refusals.isEmpty() && now - refusals.peekFirst() > MINUTE_NANOS) {
      refusals.removeFirst();
    }
    return refusals.size() > abuseRefusals;
  }

  private record Meter(LongSupplier nanos) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return nanos.getAsLong();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
