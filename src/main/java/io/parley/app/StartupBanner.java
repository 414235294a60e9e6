package io.parley.app;

import io.parley.mongo.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Connects the stores eagerly at start-up and tells the operator where Parley answers. */
@ApplicationScoped
public class StartupBanner {

  private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

  @Inject Settings settings;
  @Inject MongoConnection mongo;

  void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    mongo.database(); // fail fast if MongoDB is unreachable
    LOG.info(
        () ->
            "Parley is ready: open "
                + settings.publicUrl()
                + (settings.devSignIn() ? " (development sign-in is ON)" : ""));
  }
}
