package io.parley.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parley's spans for a message's way through the cluster (send, sequencing on the room's owner,
 * delivery on every node), and the W3C {@code traceparent} that carries a trace from one node to
 * the next inside the task or event. With OpenTelemetry off (the default: {@code
 * OTEL_SDK_DISABLED}) every span is a no-op and nothing is carried; where the runtime does not show
 * the OpenTelemetry API to the application at all (an application deployed without the third-party
 * API visibility of server.xml), nothing here touches it.
 */
public final class Tracing {

  private static final Logger LOG = Logger.getLogger(Tracing.class.getName());
  private static final boolean API = apiVisible();

  /** No spans at all (tests, and runtimes without the OpenTelemetry API). */
  public static final Tracing OFF = new Tracing(null);

  private final OtelSpans spans;

  private Tracing(OtelSpans spans) {
    this.spans = spans;
  }

  /**
   * Spans on the runtime's {@code io.opentelemetry.api.OpenTelemetry} (typed loosely on purpose).
   */
  public static Tracing on(Object openTelemetry) {
    return API && openTelemetry != null ? new Tracing(new OtelSpans(openTelemetry)) : OFF;
  }

  /** Whether the OpenTelemetry API can be loaded here. */
  public static boolean apiVisible() {
    try {
      Class.forName("io.opentelemetry.api.trace.Span", false, Tracing.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      LOG.log(Level.FINE, "no OpenTelemetry API: no traces", e);
      return false;
    }
  }

  /** The current span as a W3C {@code traceparent}, or null when nothing is being traced. */
  public static String traceparent() {
    return API ? OtelSpans.traceparent() : null;
  }

  /**
   * Runs {@code work} in a span named {@code name}, the child of {@code traceparent} when one came
   * with the work from another node, else of whatever span is current. Log lines written meanwhile
   * carry the room, seq and trace id.
   */
  public <T> T inSpan(
      String name, String traceparent, Map<String, String> attributes, Supplier<T> work) {
    if (spans == null) {
      return LogContext.with(logFields(attributes), work);
    }
    return spans.inSpan(name, traceparent, attributes, work);
  }

  /** Runs {@code work} with the trace of {@code traceparent} current (no span of its own). */
  public static void within(String traceparent, Runnable work) {
    if (!API || traceparent == null) {
      work.run();
    } else {
      OtelSpans.within(traceparent, work);
    }
  }

  /** {@code task} as it should run on another thread: inside the trace current now. */
  public static Runnable carried(Runnable task) {
    return API ? OtelSpans.carried(task) : task;
  }

  /** What a log line written inside a span says about its message: room and seq. */
  static Map<String, String> logFields(Map<String, String> attributes) {
    Map<String, String> fields = new HashMap<>(4);
    String room = attributes.get("parley.room");
    if (room != null) {
      fields.put("roomId", room);
    }
    String seq = attributes.get("parley.seq");
    if (seq != null) {
      fields.put("seq", seq);
    }
    return fields;
  }
}
