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
 * Parley's spans for a message's way through the cluster (send, sequencing on the room's owner,
 * delivery on every node), and the W3C {@code traceparent} that carries a trace from one node to
 * the next inside the task or event. With OpenTelemetry off (the default: {@code
 * OTEL_SDK_DISABLED}) every span is a no-op and nothing is carried.
 */
public final class Tracing {

  /** No tracing at all (tests, and before the runtime's OpenTelemetry is known). */
  public static final Tracing OFF = new Tracing(OpenTelemetry.noop());

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

  public Tracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("io.parley");
  }

  /** The current span as a W3C {@code traceparent}, or null when nothing is being traced. */
  public static String traceparent() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>(2);
    W3C.inject(Context.current(), carrier, Map::put);
    return carrier.get("traceparent");
  }

  /** The trace id of the current span, or null (for log lines about a message). */
  public static String traceId() {
    var context = Span.current().getSpanContext();
    return context.isValid() ? context.getTraceId() : null;
  }

  /**
   * Runs {@code work} in a span named {@code name}, the child of {@code traceparent} when one came
   * with the work from another node, else of whatever span is current.
   */
  public <T> T inSpan(
      String name, String traceparent, Map<String, String> attributes, Supplier<T> work) {
    Context parent =
        traceparent == null
            ? Context.current()
            : W3C.extract(Context.current(), Map.of("traceparent", traceparent), FROM_MAP);
    Span span =
        tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.INTERNAL).startSpan();
    attributes.forEach(span::setAttribute);
    try (Scope scope = span.makeCurrent()) {
      return LogContext.with(logFields(attributes, span), work);
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  /** What a log line written inside the span says about it: room, seq, trace id. */
  private static Map<String, String> logFields(Map<String, String> attributes, Span span) {
    Map<String, String> fields = new HashMap<>(4);
    String room = attributes.get("parley.room");
    if (room != null) {
      fields.put("roomId", room);
    }
    String seq = attributes.get("parley.seq");
    if (seq != null) {
      fields.put("seq", seq);
    }
    if (span.getSpanContext().isValid()) {
      fields.put("traceId", span.getSpanContext().getTraceId());
    }
    return fields;
  }

  /** Runs {@code work} with the trace of {@code traceparent} current (no span of its own). */
  public static void within(String traceparent, Runnable work) {
    if (traceparent == null) {
      work.run();
      return;
    }
    Context remote = W3C.extract(Context.current(), Map.of("traceparent", traceparent), FROM_MAP);
    try (Scope scope = remote.makeCurrent()) {
      work.run();
    }
  }

  /** {@code task} as it should run on another thread: inside the trace current now. */
  public static Runnable carried(Runnable task) {
    return Span.current().getSpanContext().isValid() ? Context.current().wrap(task) : task;
  }
}
