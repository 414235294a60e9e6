package io.parley.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.integrations.CommandStore;
import io.parley.integrations.CustomCommand;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Custom commands in {@code custom_commands}, keyed by name. */
public class MongoCommandStore implements CommandStore {

  private final MongoCollection<Document> commands;

  public MongoCommandStore(MongoDatabase db) {
    this.commands = db.getCollection(Collections.CUSTOM_COMMANDS);
  }

  @Override
  public void save(CustomCommand c) {
    Document d =
        new Document("_id", c.name())
            .append("description", c.description())
            .append("url", c.url())
            .append("secret", c.secret())
            .append("createdBy", c.createdBy())
            .append("createdAt", Date.from(c.createdAt()));
    commands.replaceOne(eq("_id", c.name()), d, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<CustomCommand> find(String name) {
    return Optional.ofNullable(commands.find(eq("_id", name)).first())
        .map(MongoCommandStore::command);
  }

  @Override
  public List<CustomCommand> all() {
    List<CustomCommand> found = new ArrayList<>();
    commands.find().sort(Sorts.ascending("_id")).forEach(d -> found.add(command(d)));
    return found;
  }

  @Override
  public void delete(String name) {
    commands.deleteOne(eq("_id", name));
  }

  private static CustomCommand command(Document d) {
    return new CustomCommand(
        d.getString("_id"),
        d.getString("description"),
        d.getString("url"),
        d.getString("secret"),
        d.getString("createdBy"),
        d.getDate("createdAt").toInstant());
  }
}
