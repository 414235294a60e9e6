package io.parley.integrations;

import java.util.List;
import java.util.Optional;

/** Where custom commands are kept, by name. */
public interface CommandStore {

  void save(CustomCommand command);

  Optional<CustomCommand> find(String name);

  List<CustomCommand> all();

  void delete(String name);
}
