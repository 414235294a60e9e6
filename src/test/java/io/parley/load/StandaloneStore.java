package io.parley.load;

import io.parley.mongo.EmbeddedMongo;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded MongoDB-wire store in a process of its own, so a load run can measure the Parley
 * node apart from its store (as with a MongoDB on another machine): {@code ops/load/store.sh [dir]
 * [port]}, then start the node with {@code MONGO_URI=mongodb://127.0.0.1:port/parley}.
 */
public final class StandaloneStore {

  private StandaloneStore() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/standalone-store");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 27019;
    EmbeddedMongo store = EmbeddedMongo.start(dir, "127.0.0.1", port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  store.close();
                  stopped.countDown();
                }));
    System.out.println(
        "store ready at " + store.uri() + " (pid " + ProcessHandle.current().pid() + ")");
    stopped.await();
  }
}
