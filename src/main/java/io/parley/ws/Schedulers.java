package io.parley.ws;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Named daemon schedulers for the socket adapter's periodic chores. */
final class Schedulers {

  private Schedulers() {}

  static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }
}
