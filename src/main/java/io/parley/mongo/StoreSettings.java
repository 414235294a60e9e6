package io.parley.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the store is: an external MongoDB (MONGO_URI) or the embedded one in the data folder. */
@ApplicationScoped
public class StoreSettings {

  @Inject
  @ConfigProperty(name = "mongo.uri")
  Optional<String> mongoUri;

  @Inject
  @ConfigProperty(name = "mongo.database")
  String database;

  @Inject
  @ConfigProperty(name = "parley.data.dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = "parley.embedded-mongo.host")
  String embeddedHost;

  @Inject
  @ConfigProperty(name = "parley.embedded-mongo.port")
  int embeddedPort;

  @Inject
  @ConfigProperty(name = "parley.embedded-mongo.fsync")
  boolean embeddedFsync;

  /**
   * Whether the embedded store forces each commit to disk before answering (true: survives a power
   * cut; false: survives a crash of Parley, not of the machine).
   */
  public boolean embeddedFsync() {
    return embeddedFsync;
  }

  /** An external MongoDB; empty means the embedded store. */
  public Optional<String> mongoUri() {
    return mongoUri.filter(s -> !s.isBlank());
  }

  public String database() {
    return database;
  }

  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath();
  }

  public String embeddedHost() {
    return embeddedHost;
  }

  /** 0 = a random free port (the default: nobody else needs to find it). */
  public int embeddedPort() {
    return embeddedPort;
  }
}
