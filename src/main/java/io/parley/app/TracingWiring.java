package io.parley.app;

import io.opentelemetry.api.OpenTelemetry;
import io.parley.metrics.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Parley's spans on the runtime's OpenTelemetry (Liberty's mpTelemetry: off unless {@code
 * OTEL_SDK_DISABLED=false}, exported where the standard {@code OTEL_*} variables say).
 */
@ApplicationScoped
public class TracingWiring {

  @Produces
  @Singleton
  Tracing tracing(Instance<OpenTelemetry> openTelemetry) {
    return openTelemetry.isResolvable() ? new Tracing(openTelemetry.get()) : Tracing.OFF;
  }
}
