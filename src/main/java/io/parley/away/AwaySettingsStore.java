package io.parley.away;

import java.time.Instant;
import java.util.Optional;

/** People's choices, when each was last emailed, and the key that signs unsubscribe links. */
public interface AwaySettingsStore {

  Optional<AwaySettings> find(String userId);

  void save(AwaySettings settings);

  Optional<Instant> lastEmailed(String userId);

  void emailed(String userId, Instant at);

  /** The cluster's signing key, made once by whichever node asks first. */
  byte[] signingKey();
}
