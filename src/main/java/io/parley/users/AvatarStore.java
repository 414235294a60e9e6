package io.parley.users;

import java.util.Optional;

/** Where avatar images are kept, one per user. */
public interface AvatarStore {

  void save(String userId, Avatar avatar);

  Optional<Avatar> find(String userId);

  void delete(String userId);
}
