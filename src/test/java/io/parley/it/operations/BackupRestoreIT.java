package io.parley.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.LiveSocket;
import io.parley.it.Parley;
import io.parley.it.TestUser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's online backup and its restore, as the runbook does them: back up while the
 * server runs (ops/backup.sh), post more, stop, restore with ops/restore.sh into the data directory
 * (its old contents kept aside), start. The backed-up messages are there, the later ones are not,
 * and a page that had seen the later ones is told to reload instead of resuming past them.
 */
class BackupRestoreIT {

  @Test
  void aBackupTakenWhileRunningRestoresWhatItHeldAndOpenPagesAreToldToReload() throws Exception {
    TestUser ada = Parley.signIn(Parley.unique("Ada"));
    String room = ada.createRoom(Parley.unique("backed up"), "public");
    for (int i = 1; i <= 5; i++) {
      assertEquals(201, ada.postMessage(room, "kept " + i, "kept-" + i).statusCode());
    }

    ProcessBuilder backupCommand =
        new ProcessBuilder("bash", "ops/backup.sh", Parley.baseUrl())
            .directory(new java.io.File(System.getProperty("parley.project.dir")))
            .redirectErrorStream(true);
    Process backup = backupCommand.start();
    String printed = new String(backup.getInputStream().readAllBytes());
    assertEquals(0, backup.waitFor(), printed);
    JsonObject taken = Parley.json(printed.strip());
    Path file = Path.of(taken.getString("file"));
    assertTrue(Files.size(file) > 0 && taken.getJsonNumber("entries").longValue() > 5, printed);

    List<JsonObject> later = new java.util.ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      var r = ada.postMessage(room, "after the backup " + i, "later-" + i);
      assertEquals(201, r.statusCode());
      later.add(Parley.json(r.body()));
    }
    JsonObject lastSeen = later.get(2);

    Parley.stopServer();
    Path dataDir = Path.of(System.getProperty("parley.server.dir"), "data");
    Process restore =
        new ProcessBuilder("bash", "ops/restore.sh", file.toString(), dataDir.toString())
            .directory(new java.io.File(System.getProperty("parley.project.dir")))
            .redirectErrorStream(true)
            .start();
    String restored = new String(restore.getInputStream().readAllBytes());
    assertEquals(0, restore.waitFor(), restored);
    Parley.startServer();

    List<String> bodies = ada.history(room, "").stream().map(m -> m.getString("body")).toList();
    assertEquals(
        List.of("kept 1", "kept 2", "kept 3", "kept 4", "kept 5"),
        bodies,
        "the backup's messages, not the later ones");

    // A page that showed seq 8 resumes: the room has only 5, so it is told to reload.
    try (LiveSocket page = LiveSocket.open(ada).ready()) {
      page.resume(room, lastSeen.getJsonNumber("seq").longValue(), lastSeen.getString("createdAt"));
      String notice = page.await(f -> f.contains("data-reload-page"), Duration.ofSeconds(10));
      assertTrue(notice.contains("restored from a backup"), notice);
    }
    // The room goes on from 5; seq 6 is now another message than the one a page saw as 6.
    var next = ada.postMessage(room, "after the restore", "after-restore");
    assertEquals(6, Parley.json(next.body()).getJsonNumber("seq").longValue());
    try (LiveSocket page = LiveSocket.open(ada).ready()) {
      page.resume(room, 6, later.get(0).getString("createdAt"));
      page.await(f -> f.contains("data-reload-page"), Duration.ofSeconds(10));
    }
    // A page that has what the room has resumes as usual.
    try (LiveSocket page = LiveSocket.open(ada).ready()) {
      page.resume(room, 5, ada.history(room, "").get(4).getString("createdAt"));
      assertEquals(List.of(6L), page.awaitMessages(room, 1, Duration.ofSeconds(10)));
    }
  }

  @Test
  void onlyAdministratorsTakeBackups() {
    TestUser member = Parley.signIn(Parley.unique("Member"));
    var response =
        Parley.send(
            HttpRequest.newBuilder(URI.create(Parley.baseUrl() + "/api/admin/store/backup"))
                .header("Authorization", "Bearer " + member.token())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(403, response.statusCode());
  }
}
