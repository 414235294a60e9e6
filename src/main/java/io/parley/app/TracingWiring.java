package io.parley.app;

import io.parley.metrics.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Singleton;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parley's spans on the runtime's OpenTelemetry (Liberty's mpTelemetry: off unless {@code
 * OTEL_SDK_DISABLED=false}, exported where the standard {@code OTEL_*} variables say). The type is
 * looked up by name, so this class loads even where the API is not visible to the application.
 */
@ApplicationScoped
public class TracingWiring {

  private static final Logger LOG = Logger.getLogger(TracingWiring.class.getName());

  @Produces
  @Singleton
  Tracing tracing() {
    if (!Tracing.apiVisible()) {
      LOG.info("OpenTelemetry's API is not visible to Parley here: no traces");
      return Tracing.OFF;
    }
    try {
      Class<?> type =
          Class.forName("io.opentelemetry.api.OpenTelemetry", true, getClass().getClassLoader());
      var found = CDI.current().select(type);
      return found.isResolvable() ? Tracing.on(found.get()) : Tracing.OFF;
    } catch (ClassNotFoundException | RuntimeException e) {
      LOG.log(Level.WARNING, "no OpenTelemetry from the runtime: no traces", e);
      return Tracing.OFF;
    }
  }
}
