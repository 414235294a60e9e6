package io.parley.app;

import io.parley.common.Broadcast;
import io.parley.messaging.MessageEvents;
import io.parley.search.MessageIndex;
import io.parley.search.SearchIndexer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Feeds this node's search index from the message stream from start-up on (subscribed before the
 * first catch-up starts, so nothing falls between them), and closes it cleanly on shutdown.
 */
@ApplicationScoped
public class SearchIndexing {

  @Inject MessageEvents events;
  @Inject SearchIndexer indexer;
  @Inject MessageIndex index;

  private Broadcast.Subscription subscription = Broadcast.Subscription.NONE;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    subscription = events.subscribe(indexer::accept);
    indexer.start();
  }

  @PreDestroy
  void stop() {
    subscription.close();
    indexer.close();
    index.close();
  }
}
