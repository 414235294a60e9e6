package io.parley.mongo;

import io.parley.common.StoreBackups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.Logger;

/** Backups of the embedded store into {@code <data dir>/backups}, named by their UTC time. */
@ApplicationScoped
public class EmbeddedStoreBackups implements StoreBackups {

  private static final Logger LOG = Logger.getLogger(EmbeddedStoreBackups.class.getName());
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'parley-'yyyyMMdd-HHmmss-SSS'.mv'").withZone(ZoneOffset.UTC);

  @Inject MongoConnection connection;
  @Inject StoreSettings settings;

  @Override
  public Optional<Backup> take() {
    return connection
        .embedded()
        .map(
            store -> {
              Path target =
                  settings
                      .dataDir()
                      .resolve("backups")
                      .resolve(NAME.format(java.time.Instant.now()));
              StoreBackup.Result r = store.backup(target);
              LOG.info(
                  () ->
                      "Backed up the embedded store to "
                          + r.file()
                          + " ("
                          + r.bytes()
                          + " bytes, "
                          + r.entries()
                          + " entries, "
                          + r.millis()
                          + " ms)");
              return new Backup(r.file().toString(), r.bytes(), r.entries(), r.millis());
            });
  }
}
