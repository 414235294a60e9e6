package io.parley.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Open Liberty, a log line written while a message is handled carries its room and seq:
 * Liberty's log record context (what its JSON logs show as {@code ext_roomId}, {@code ext_seq})
 * holds them inside the span and nothing after it.
 */
@ExtendWith(ArquillianExtension.class)
class LogContextArqIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(ZipImporter.class, "arquillian-logcontext.war")
        .importFrom(new File("target/parley.war"))
        .as(WebArchive.class)
        .addClass(LogContextArqIT.class);
  }

  /** The fields Liberty would add to a log record written on this thread now. */
  private static Map<String, String> extensions() throws Exception {
    Map<String, String> fields = new HashMap<>();
    Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext")
        .getMethod("getExtensions", Map.class)
        .invoke(null, fields);
    return fields;
  }

  @Test
  void linesLoggedWhileHandlingAMessageCarryItsRoomAndSeq() throws Exception {
    Tracing tracing = Tracing.OFF; // the application deployed here has no tracing API visible
    Map<String, String> inside =
        tracing.inSpan(
            "parley.deliver",
            null,
            Map.of("parley.room", "room-42", "parley.seq", "7"),
            () -> {
              try {
                return extensions();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertEquals("room-42", inside.get("roomId"));
    assertEquals("7", inside.get("seq"));
    Map<String, String> after = extensions();
    assertFalse(after.containsKey("roomId") || after.containsKey("seq"), "gone after: " + after);
  }
}
