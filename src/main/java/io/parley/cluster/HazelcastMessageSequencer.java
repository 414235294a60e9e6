package io.parley.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.parley.messaging.ChangeRequest;
import io.parley.messaging.ChangeResult;
import io.parley.messaging.MessageSequencer;
import io.parley.messaging.NewMessage;
import io.parley.messaging.RoomSequencer;
import io.parley.messaging.SendResult;
import io.parley.metrics.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Routes each send to the member that owns the room's partition, whose {@link RoomSequencer}
 * numbers, stores and announces it. One room therefore has one writer at a time, on any number of
 * nodes.
 */
@ApplicationScoped
public class HazelcastMessageSequencer implements MessageSequencer {

  static final String EXECUTOR = "parley.sequencer";
  private static final long TIMEOUT_SECONDS = 15;

  @Inject HazelcastInstance hazelcast;
  @Inject RoomSequencer local;
  @Inject MetricRegistry metrics;
  @Inject Tracing tracing;

  /** Runs at start-up, so the counters exist (at 0) before the first send. */
  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    hazelcast.getUserContext().put(HazelcastMember.ROOM_SEQUENCER, local);
    hazelcast.getUserContext().put(HazelcastMember.TRACING, tracing);
    metrics.counter("parley.messages.stored");
    metrics.counter("parley.messages.duplicates");
  }

  @Override
  public SendResult append(NewMessage message) {
    try (Timer.Context timing = metrics.timer("parley.send.duration").time()) {
      SendResult result = onOwner(new AppendOnOwner(message), message.roomId());
      metrics
          .counter(result.duplicate() ? "parley.messages.duplicates" : "parley.messages.stored")
          .inc();
      return result;
    }
  }

  @Override
  public ChangeResult change(ChangeRequest request) {
    try (Timer.Context timing = metrics.timer("parley.change.duration").time()) {
      return onOwner(new ChangeOnOwner(request), request.roomId());
    }
  }

  /**
   * Runs the task where the room's partition lives: here, directly on this thread, when this member
   * owns it (every send on one node, a share of them in a cluster), or on the owner through the
   * executor. Both end in the same {@link RoomSequencer}, under the same per-room lock; the direct
   * call spares the task's serialization, a hand-off to the executor's thread and back, and (with
   * few cores) a thread started for the future's completion.
   */
  <T, C extends Callable<T> & HazelcastInstanceAware> T onOwner(C task, String roomId) {
    Member owner = hazelcast.getPartitionService().getPartition(roomId).getOwner();
    if (owner != null && owner.localMember()) {
      return here(task);
    }
    try {
      return hazelcast
          .getExecutorService(EXECUTOR)
          .submitToKeyOwner(task, roomId)
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("send failed on the room's sequencer", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the room's sequencer did not answer in time", e);
    }
  }

  private <T, C extends Callable<T> & HazelcastInstanceAware> T here(C task) {
    task.setHazelcastInstance(hazelcast);
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("send failed on the room's sequencer", e);
    }
  }

  /** Runs a change on the room's owner member. */
  static final class ChangeOnOwner
      implements Callable<ChangeResult>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private final ChangeRequest request;
    private final String traceparent = Tracing.traceparent();
    private transient HazelcastInstance member;

    ChangeOnOwner(ChangeRequest request) {
      this.request = request;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
      this.member = member;
    }

    @Override
    public ChangeResult call() {
      return AppendOnOwner.tracing(member)
          .inSpan(
              "parley.change",
              traceparent,
              Map.of("parley.room", request.roomId(), "parley.seq", Long.toString(request.seq())),
              () -> AppendOnOwner.sequencer(member).change(request));
    }
  }

  /** Runs on the room's owner member. */
  static final class AppendOnOwner
      implements Callable<SendResult>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private final NewMessage message;

    /** The sender's trace, continued on the owner (null when tracing is off). */
    private final String traceparent = Tracing.traceparent();

    private transient HazelcastInstance member;

    AppendOnOwner(NewMessage message) {
      this.message = message;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
      this.member = member;
    }

    @Override
    public SendResult call() {
      return tracing(member)
          .inSpan(
              "parley.sequence",
              traceparent,
              Map.of("parley.room", message.roomId()),
              () -> sequencer(member).append(message));
    }

    static Tracing tracing(HazelcastInstance member) {
      Object tracing = member.getUserContext().get(HazelcastMember.TRACING);
      return tracing instanceof Tracing t ? t : Tracing.OFF;
    }

    static RoomSequencer sequencer(HazelcastInstance member) {
      RoomSequencer sequencer =
          (RoomSequencer) member.getUserContext().get(HazelcastMember.ROOM_SEQUENCER);
      if (sequencer == null) {
        throw new IllegalStateException("this member's application is not started yet");
      }
      return sequencer;
    }
  }
}
