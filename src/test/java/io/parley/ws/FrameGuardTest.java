package io.parley.ws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FrameGuardTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final FrameGuard guard = new FrameGuard(10, 5, 3, nanos::get);

  private void advanceMillis(long millis) {
    nanos.addAndGet(millis * 1_000_000L);
  }

  @Test
  void aBurstThenTheRefillRate() {
    for (int i = 0; i < 10; i++) {
      assertTrue(guard.allowed(), "frame " + i + " of the burst");
    }
    assertFalse(guard.allowed(), "the eleventh at once");
    advanceMillis(200); // 5 a second: one more after 200 ms
    assertTrue(guard.allowed());
    assertFalse(guard.allowed());
    advanceMillis(2_000);
    for (int i = 0; i < 10; i++) {
      assertTrue(guard.allowed(), "refilled to the burst, not beyond");
    }
    assertFalse(guard.allowed());
  }

  @Test
  void keepsMeetingTheLimitWithinAMinuteIsAbusive() {
    assertFalse(guard.persistentlyAbusive());
    assertFalse(guard.persistentlyAbusive());
    assertFalse(guard.persistentlyAbusive());
    assertTrue(guard.persistentlyAbusive(), "the fourth refusal within a minute (limit 3)");
  }

  @Test
  void refusalsOlderThanAMinuteAreForgotten() {
    guard.persistentlyAbusive();
    guard.persistentlyAbusive();
    guard.persistentlyAbusive();
    advanceMillis(61_000);
    assertFalse(guard.persistentlyAbusive(), "the old three no longer count");
    assertFalse(guard.persistentlyAbusive());
    assertFalse(guard.persistentlyAbusive());
    assertTrue(guard.persistentlyAbusive());
  }
}
