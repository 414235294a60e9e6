package io.parley.app;

import io.parley.receipts.ReceiptRecorder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Announces raised watermarks once a second (storing them every few rounds), and stores what is
 * left on shutdown.
 */
@ApplicationScoped
public class ReceiptFlushing {

  @Inject ReceiptRecorder recorder;

  private ScheduledExecutorService flusher;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "parley-receipts");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(recorder::flush, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (flusher != null) {
      flusher.shutdown();
      recorder.flush();
      recorder.store();
    }
  }
}
