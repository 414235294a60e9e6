package io.parley.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where access tokens are kept (hashed). */
public interface AccessTokenStore {

  void save(AccessToken token);

  Optional<AccessToken> find(String id);

  /** The person's (or bot's) tokens, newest first. */
  List<AccessToken> of(String userId);

  void delete(String id);

  void touch(String id, Instant usedAt);
}
