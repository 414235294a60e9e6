package io.parley.app;

import com.hazelcast.core.HazelcastInstance;
import io.parley.mongo.MongoConnection;
import io.parley.security.Authenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health for load balancers and orchestrators: ready when MongoDB answers, Hazelcast runs and the
 * token keys are loaded (before that, every signed-in request would be refused).
 */
public final class Health {

  private Health() {}

  /**
   * Ready to take traffic: the store answers a ping, this node is a running cluster member, sign-in
   * works (the IdP's signing keys are loaded) and the message path is warmed up ({@link WarmUp}).
   */
  @Readiness
  @ApplicationScoped
  public static class Ready implements HealthCheck {
    @Inject MongoConnection mongo;
    @Inject HazelcastInstance hazelcast;
    @Inject Authenticator authenticator;
    @Inject WarmUp warmUp;

    @Override
    public HealthCheckResponse call() {
      boolean keysLoaded = authenticator.keysLoaded();
      boolean warm = warmUp.done();
      boolean mongoUp;
      try {
        mongo.database().runCommand(new Document("ping", 1));
        mongoUp = true;
      } catch (RuntimeException e) {
        mongoUp = false;
      }
      boolean clusterUp = hazelcast.getLifecycleService().isRunning();
      return HealthCheckResponse.named("parley")
          .status(mongoUp && clusterUp && keysLoaded && warm)
          .withData("mongodb", mongoUp)
          .withData("hazelcast", clusterUp)
          .withData("tokenKeys", keysLoaded)
          .withData("warmedUp", warm)
          .withData("clusterSize", clusterUp ? hazelcast.getCluster().getMembers().size() : 0)
          .build();
    }
  }

  /**
   * Started once the application has initialised (store reached, cluster joined, every service
   * wired): until then Kubernetes' startup probe holds off the other two.
   */
  @org.eclipse.microprofile.health.Startup
  @ApplicationScoped
  public static class Started implements HealthCheck {
    @Inject StartupBanner banner;

    @Override
    public HealthCheckResponse call() {
      return HealthCheckResponse.named("started").status(banner.started()).build();
    }
  }

  /** Alive while the cluster member runs; a dead member means the node must be restarted. */
  @Liveness
  @ApplicationScoped
  public static class Alive implements HealthCheck {
    @Inject HazelcastInstance hazelcast;

    @Override
    public HealthCheckResponse call() {
      return HealthCheckResponse.named("hazelcast")
          .status(hazelcast.getLifecycleService().isRunning())
          .build();
    }
  }
}
