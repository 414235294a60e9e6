package io.parley.metrics;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fields every log line written while handling a message carries (room, seq, trace id): Liberty's
 * JSON logs show them as {@code ext_roomId}, {@code ext_seq}, {@code ext_traceId}. Liberty's {@code
 * LogRecordContext} is reached by reflection, so the build needs no runtime-specific jar and
 * outside Liberty (unit tests) this does nothing.
 */
final class LogContext {

  private static final Logger LOG = Logger.getLogger(LogContext.class.getName());
  private static final MethodHandle ADD;
  private static final MethodHandle REMOVE;

  static {
    MethodHandle add = null;
    MethodHandle remove = null;
    try {
      Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      add =
          lookup.findStatic(
              context,
              "addExtension",
              MethodType.methodType(void.class, String.class, String.class));
      remove =
          lookup.findStatic(
              context, "removeExtension", MethodType.methodType(boolean.class, String.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.FINE, "no Liberty log record context: log lines carry no message fields", e);
    }
    ADD = add;
    REMOVE = remove;
  }

  private LogContext() {}

  /** Runs {@code work} with {@code fields} on every log line this thread writes meanwhile. */
  static <T> T with(Map<String, String> fields, Supplier<T> work) {
    if (ADD == null || fields.isEmpty()) {
      return work.get();
    }
    fields.forEach(LogContext::add);
    try {
      return work.get();
    } finally {
      fields.keySet().forEach(LogContext::remove);
    }
  }

  private static void add(String key, String value) {
    try {
      ADD.invokeExact(key, value);
    } catch (Throwable e) {
      LOG.log(Level.FINE, "log record context", e);
    }
  }

  private static void remove(String key) {
    try {
      boolean ignored = (boolean) REMOVE.invokeExact(key);
    } catch (Throwable e) {
      LOG.log(Level.FINE, "log record context", e);
    }
  }
}
