package io.parley.metrics;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything that names OpenTelemetry, kept in one class that {@link Tracing} loads only when the
 * runtime makes the API visible (Liberty's mpTelemetry with third-party API visibility).
 */
final class OtelSpans {

  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final Tracer tracer;

  OtelSpans(Object openTelemetry) {
    this.tracer = ((OpenTelemetry) openTelemetry).getTracer("io.parley");
  }

  static String traceparent() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>(2);
    W3C.inject(Context.current(), carrier, Map::put);
    return carrier.get("traceparent");
  }

  private static Context remote(String traceparent) {
    return W3C.extract(Context.current(), Map.of("traceparent", traceparent), FROM_MAP);
  }

  <T> T inSpan(String name, String traceparent, Map<String, String> attributes, Supplier<T> work) {
    Context parent = traceparent == null ? Context.current() : remote(traceparent);
    Span span =
        tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.INTERNAL).startSpan();
    attributes.forEach(span::setAttribute);
    Map<String, String> logFields = new HashMap<>(Tracing.logFields(attributes));
    if (span.getSpanContext().isValid()) {
      logFields.put("traceId", span.getSpanContext().getTraceId());
    }
    try (Scope scope = span.makeCurrent()) {
      return LogContext.with(logFields, work);
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  static void within(String traceparent, Runnable work) {
    try (Scope scope = remote(traceparent).makeCurrent()) {
      work.run();
    }
  }

  static Runnable carried(Runnable task) {
    return Span.current().getSpanContext().isValid() ? Context.current().wrap(task) : task;
  }
}
