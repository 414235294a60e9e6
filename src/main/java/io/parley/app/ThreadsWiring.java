package io.parley.app;

import io.parley.messaging.MessageService;
import io.parley.mongo.MongoConnection;
import io.parley.mongo.MongoThreadFollowStore;
import io.parley.receipts.ReceiptStore;
import io.parley.threads.ThreadEvents;
import io.parley.threads.ThreadInbox;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads inbox: each reply this node stores updates its thread's followers on a thread of its
 * own (the sender's acknowledgement never waits for it), then tells their pages.
 */
@ApplicationScoped
public class ThreadsWiring {

  private static final Logger LOG = Logger.getLogger(ThreadsWiring.class.getName());

  private final ThreadPoolExecutor following =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(10_000),
          r -> {
            Thread t = new Thread(r, "parley-threads");
            t.setDaemon(true);
            return t;
          },
          (r, pool) -> LOG.warning("too many replies waiting for the threads inbox; one dropped"));

  @Produces
  @Singleton
  ThreadInbox inbox(
      MongoConnection mongo, MessageService messages, ReceiptStore receipts, ThreadEvents events) {
    ThreadInbox inbox =
        new ThreadInbox(new MongoThreadFollowStore(mongo.database()), messages, receipts);
    inbox.onActivity(events::publish);
    messages.onPosted(
        m -> {
          if (m.threadOf() > 0) {
            following.execute(
                () -> {
                  try {
                    inbox.posted(m);
                  } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not update a thread's followers", e);
                  }
                });
          }
        });
    return inbox;
  }

  @PreDestroy
  void stop() {
    following.shutdownNow();
  }
}
