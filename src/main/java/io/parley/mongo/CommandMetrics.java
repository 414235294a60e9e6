package io.parley.mongo;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Every MongoDB command's latency and failures, from the driver's own command listener, tagged by
 * command name (find, insert, update, ...; anything else counts as "other", so a driver's internal
 * commands cannot grow the number of series).
 */
final class CommandMetrics implements CommandListener {

  private static final Set<String> NAMED =
      Set.of(
          "find",
          "insert",
          "update",
          "delete",
          "aggregate",
          "count",
          "findAndModify",
          "getMore",
          "createIndexes",
          "ping",
          "hello",
          "isMaster");

  private final MetricRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();

  CommandMetrics(MetricRegistry registry) {
    this.registry = registry;
    // Errors are registered up front: the series exist at 0, so rates and alerts see them.
    NAMED.forEach(this::errors);
    errors("other");
  }

  private Counter errors(String command) {
    return errors.computeIfAbsent(
        command, n -> registry.counter("parley.mongodb.command.errors", new Tag("command", n)));
  }

  private static String name(String command) {
    return NAMED.contains(command) ? command : "other";
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    timers
        .computeIfAbsent(
            name(event.getCommandName()),
            n -> registry.timer("parley.mongodb.command.duration", new Tag("command", n)))
        .update(Duration.ofNanos(event.getElapsedTime(TimeUnit.NANOSECONDS)));
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    errors(name(event.getCommandName())).inc();
  }
}
