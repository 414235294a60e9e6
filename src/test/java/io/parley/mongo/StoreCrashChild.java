package io.parley.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import org.bson.Document;

/**
 * The process {@link EmbeddedStoreCrashTest} kills: the embedded store in a JVM of its own, written
 * by several threads at once; prints "ACK id" for each write the store acknowledged, until killed.
 */
public final class StoreCrashChild {

  static final int WRITERS = 8;

  private StoreCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String round = args[1];
    EmbeddedMongo store = EmbeddedMongo.start(dir, "127.0.0.1", 0);
    MongoClient client = MongoClients.create(store.uri());
    MongoCollection<Document> acks = client.getDatabase("parley").getCollection("acks");
    acks.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
    String padding = "x".repeat(400);
    System.out.println("READY");
    System.out.flush();
    for (int w = 0; w < WRITERS; w++) {
      String writer = round + "-" + w;
      Thread t =
          new Thread(
              () -> {
                for (long i = 0; ; i++) {
                  String id = writer + "-" + i;
                  acks.insertOne(
                      new Document("_id", id).append("key", "k/" + id).append("pad", padding));
                  synchronized (System.out) {
                    System.out.println("ACK " + id);
                    System.out.flush();
                  }
                }
              });
      t.start();
    }
    Thread.currentThread().join();
  }
}
