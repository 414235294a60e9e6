package io.parley.app;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.parley.messaging.Message;
import io.parley.mongo.MongoConnection;
import io.parley.render.LiveFragments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the message path's own code before the node says it is ready: a fresh JVM interprets it and
 * compiles it while the first minute's traffic waits (on two cores the compiler took as much CPU as
 * the load, and deliveries fell seconds behind). Renders synthetic messages with the live fragments
 * (formatting, names read from the store), and writes and deletes scratch documents through the
 * durable store's write path. Nothing it does is visible: the scratch collection and topic go, the
 * synthetic messages are never stored or sent.
 */
@ApplicationScoped
public class WarmUp {

  private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());
  private static final String ROOM = "warm-up";

  @Inject LiveFragments fragments;
  @Inject MongoConnection mongo;
  @Inject com.hazelcast.core.HazelcastInstance hazelcast;

  @Inject
  @ConfigProperty(name = "parley.warm-up.iterations", defaultValue = "10000")
  int iterations;

  @Inject
  @ConfigProperty(name = "parley.warm-up.seconds", defaultValue = "20")
  int seconds;

  private volatile boolean done;

  /** Whether the warm-up ran (readiness waits for it). */
  public boolean done() {
    return done;
  }

  /** Exercises the hot paths, up to the configured iterations or seconds, whichever comes first. */
  public void run() {
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    // A collection of this node's own: nodes of a cluster may warm up at once on one store.
    MongoCollection<Document> scratch =
        mongo
            .database()
            .getCollection("warm_up_" + java.util.UUID.randomUUID().toString().replace("-", ""));
    // The cluster's way a message travels: a reliable topic carrying Message objects to a listener.
    String topicName = "parley.warm-up." + java.util.UUID.randomUUID();
    com.hazelcast.topic.ITopic<Message> topic = hazelcast.getReliableTopic(topicName);
    java.util.concurrent.atomic.AtomicInteger heard =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.UUID listener = topic.addMessageListener(e -> heard.incrementAndGet());
    int i = 0;
    try {
      for (; i < iterations && System.nanoTime() < deadline; i++) {
        Message m = message(i);
        String neutral = fragments.live(m);
        LiveFragments.asSeenBy(neutral, i % 2 == 0, i % 3 == 0);
        fragments.receipt(ROOM, i % 2 == 0 ? "" : "Seen by everyone");
        fragments.badge(ROOM, i % 7, i % 3);
        if (i % 5 == 0) {
          topic.publish(m);
        }
        if (i % 10 == 0) {
          String key = ROOM + "/" + i;
          scratch.insertOne(new Document("_id", key).append("body", m.body()).append("seq", i));
          scratch.find(Filters.eq("_id", key)).first();
          scratch.deleteOne(Filters.eq("_id", key));
        }
      }
    } catch (RuntimeException e) {
      LOG.warning("warm-up stopped early (the node starts anyway): " + e);
    } finally {
      try {
        topic.removeMessageListener(listener);
        topic.destroy();
      } catch (RuntimeException e) {
        LOG.fine(() -> "could not remove the warm-up topic: " + e);
      }
      try {
        scratch.drop();
      } catch (RuntimeException e) {
        LOG.fine(() -> "could not drop the warm-up collection: " + e);
      }
      done = true;
    }
    int ran = i;
    LOG.info(
        () ->
            String.format(
                "Warmed up the message path: %d rounds in %.1f s (%d cluster events heard)",
                ran, (System.nanoTime() - start) / 1e9, heard.get()));
  }

  private static Message message(int i) {
    return new Message(
        "warm-" + i,
        ROOM,
        i + 1L,
        "warm-up-sender",
        "Warming **up** round " + i + ", see https://example.org/" + i + " and `code` @someone",
        "text/plain",
        Instant.now(),
        null,
        false,
        "warm-" + i,
        Map.of(),
        List.of());
  }
}
