package io.parley.users;

import java.util.List;
import java.util.Optional;

/** Where user groups are kept, by handle. */
public interface GroupStore {

  void save(UserGroup group);

  Optional<UserGroup> find(String handle);

  /** Every group, by handle. */
  List<UserGroup> all();

  void delete(String handle);
}
