package io.parley.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire server inside this JVM, storing into an H2 file, for when no MONGO_URI is given.
 * It listens on a real socket so that tools (mongosh, tests) can inspect the same data.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedMongo.class.getName());

  private final MongoServer server;
  private final String uri;

  private EmbeddedMongo(MongoServer server, String uri) {
    this.server = server;
    this.uri = uri;
  }

  public static EmbeddedMongo start(Path dataDir, String host, int port) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create data directory " + dataDir, e);
    }
    Path file = dataDir.resolve("parley.mv");
    if (!isLoopback(host)) {
      LOG.warning(
          () ->
              "The embedded store has no authentication and listens on "
                  + host
                  + ": anyone who reaches that address can read and change every message."
                  + " Keep it on 127.0.0.1, or use MONGO_URI with a secured MongoDB.");
    }
    MongoServer server = new MongoServer(new KeyedH2Backend(openFile(file)));
    server.bind(host, port);
    InetSocketAddress address = server.getLocalAddress();
    String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    LOG.info(() -> "Embedded MongoDB-wire store at " + uri + ", data in " + file);
    return new EmbeddedMongo(server, uri);
  }

  /** Page cache for the store file (H2's default is 16 MB). */
  static final int CACHE_MB = 64;

  /**
   * Chunks are rewritten in the background only when, on average, less than this share of them is
   * live data. H2's default, 90 %, kept its background writer rewriting a 4 GB store (a million
   * messages) for a third of the server's CPU while people only read; at 50 % the file may hold up
   * to as much dead space as data.
   */
  static final int COMPACT_BELOW_PERCENT = 50;

  private static MVStore openFile(Path file) {
    return new MVStore.Builder()
        .fileName(file.toString())
        .cacheSize(CACHE_MB)
        .autoCompactFillRate(COMPACT_BELOW_PERCENT)
        .open();
  }

  private static boolean isLoopback(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  public String uri() {
    return uri;
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
