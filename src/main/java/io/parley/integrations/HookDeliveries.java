package io.parley.integrations;

import io.parley.common.DomainException;
import io.parley.messaging.MessageService;
import io.parley.messaging.NewMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The calls of outgoing webhooks: a bounded queue on the workers' threads, each call signed, tried
 * again after 1, 2, 4, 8 × the first wait on a 5xx, a 429 or no answer, every attempt logged, and a
 * reply posted as the hook's bot. Nothing here runs on the thread that stored the message.
 */
final class HookDeliveries {

  /** Calls waiting or under way on this node; past it a message's call is dropped (and logged). */
  static final int MAX_QUEUED = 1_000;

  static final int MAX_ATTEMPTS = 5;

  private static final Logger LOG = Logger.getLogger(HookDeliveries.class.getName());

  private final OutgoingHookStore store;
  private final MessageService messages;
  private final Clock clock;
  private final OutgoingHooks.Calls calls;
  private final ScheduledExecutorService workers;
  private final AtomicInteger queued = new AtomicInteger();

  HookDeliveries(
      OutgoingHookStore store,
      MessageService messages,
      Clock clock,
      OutgoingHooks.Calls calls,
      ScheduledExecutorService workers) {
    this.store = store;
    this.messages = messages;
    this.clock = clock;
    this.calls = calls;
    this.workers = workers;
  }

  int queued() {
    return queued.get();
  }

  /** Runs {@code work} on the workers; a failure is logged, never handed back to the sender. */
  void later(Runnable work) {
    try {
      workers.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "could not queue a webhook call", e);
            }
          });
    } catch (RejectedExecutionException stopping) {
      // The node is stopping.
    }
  }

  /** Queues the first call, unless too many wait already (then the drop is logged). */
  void enqueue(OutgoingHook hook, HookEvent event) {
    if (queued.incrementAndGet() > MAX_QUEUED) {
      queued.decrementAndGet();
      log(hook, event, 1, 0, 0, "dropped: " + MAX_QUEUED + " calls already waiting on this node");
      return;
    }
    try {
      workers.execute(() -> attempt(hook, event, 1));
    } catch (RejectedExecutionException stopping) {
      queued.decrementAndGet();
    }
  }

  /** One call; on a 5xx, 429 or no answer, another after 1, 2, 4, 8 × the first retry's wait. */
  void attempt(OutgoingHook hook, HookEvent event, int attempt) {
    boolean again = false;
    long started = System.nanoTime();
    try {
      URI target = calls.policy().resolveAndCheck(hook.url());
      byte[] body = calls.transport().encode(event);
      long timestamp = clock.instant().getEpochSecond();
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put(HookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
      headers.put(
          HookSignature.SIGNATURE_HEADER, HookSignature.sign(hook.secret(), timestamp, body));
      headers.put("X-Parley-Delivery", event.deliveryId());
      headers.put("X-Parley-Attempt", Integer.toString(attempt));
      HookTransport.Answer answer = calls.transport().post(target, headers, body, calls.timeout());
      int status = answer.status();
      String error = status >= 200 && status < 300 ? null : "answered " + status;
      if (error == null && answer.replyText() != null && !answer.replyText().isBlank()) {
        error = reply(hook, event, answer.replyText());
      }
      log(hook, event, attempt, status, started, error);
      again = status >= 500 || status == 429;
    } catch (DomainException refused) {
      log(hook, event, attempt, 0, started, "refused: " + refused.getMessage());
    } catch (IOException | RuntimeException e) {
      log(hook, event, attempt, 0, started, describe(e));
      again = true;
    }
    if (again && attempt < MAX_ATTEMPTS && store.find(hook.id()).isPresent()) {
      long wait = calls.firstRetry().toMillis() << (attempt - 1);
      try {
        workers.schedule(() -> attempt(hook, event, attempt + 1), wait, TimeUnit.MILLISECONDS);
        return;
      } catch (RejectedExecutionException stopping) {
        // The node is stopping: the call is given up like one out of attempts.
      }
    }
    queued.decrementAndGet();
  }

  /** Posts the receiver's reply as the hook's bot (in the thread it answers); an error, or null. */
  private String reply(OutgoingHook hook, HookEvent event, String text) {
    try {
      NewMessage draft =
          new NewMessage(
                  hook.roomId(),
                  hook.botId(),
                  text,
                  "text/markdown",
                  "reply-" + event.deliveryId(),
                  Map.of(IncomingHooks.META_HOOK, hook.id()))
              .replyingTo(event.threadOf(), false);
      messages.post(hook.botId(), draft);
      return null;
    } catch (DomainException e) {
      return "reply not posted: " + e.getMessage();
    }
  }

  private void log(
      OutgoingHook hook, HookEvent event, int attempt, int status, long started, String error) {
    long millis = started == 0 ? 0 : (System.nanoTime() - started) / 1_000_000;
    try {
      store.logDelivery(
          new HookDelivery(
              hook.id(),
              event.deliveryId(),
              event.seq(),
              attempt,
              clock.instant().truncatedTo(ChronoUnit.MILLIS),
              status,
              millis,
              error));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not log a webhook delivery", e);
    }
  }

  private static String describe(Exception e) {
    String kind = e.getClass().getSimpleName().replaceAll("Exception$", "");
    String text = e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    return text.length() > 300 ? text.substring(0, 300) : text;
  }
}
