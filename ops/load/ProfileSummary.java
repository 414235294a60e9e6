import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Sums a CPU profile in async-profiler's collapsed format (one stack per line, "frame;frame;... n")
 * into what the server spends its CPU on: GC and JIT threads, then each stack by the innermost
 * component it passes through (so the store's own code under the driver counts as the store).
 * Single-file program: {@code java ops/load/ProfileSummary.java profile.collapsed}.
 */
public class ProfileSummary {

  /** Component, pattern of a frame that belongs to it. Checked innermost frame first. */
  static final Map<String, Pattern> COMPONENTS = new LinkedHashMap<>();

  static {
    COMPONENTS.put(
        "embedded store (wire server, H2, write-ahead log)",
        Pattern.compile(
            "de/bwaldvogel|org/h2/|io/parley/mongo/(DurableH2Backend|GroupCommit|WriteAheadLog"
                + "|EmbeddedMongo|StoreFile|IndexKey|DocumentType)"));
    COMPONENTS.put("MongoDB driver", Pattern.compile("com/mongodb/"));
    COMPONENTS.put("socket writes (Liberty)", Pattern.compile("com/ibm/ws/wsoc/RemoteEndpoint"));
    COMPONENTS.put(
        "socket reads and frames (Liberty)",
        Pattern.compile("com/ibm/ws/wsoc/(WsocReadCallback|link/LinkRead)"));
    COMPONENTS.put("Thymeleaf rendering", Pattern.compile("org/thymeleaf/TemplateEngine.process"));
    COMPONENTS.put("Hazelcast", Pattern.compile("com/hazelcast/"));
    COMPONENTS.put("search index", Pattern.compile("io/parley/search/|org/apache/lucene/"));
    COMPONENTS.put("HTTP requests (Liberty)", Pattern.compile("com/ibm/ws/(webcontainer|http)/"));
    COMPONENTS.put("Parley's own code", Pattern.compile("io/parley/"));
  }

  static final Pattern GC =
      Pattern.compile("GangWorker|ConcurrentGCThread|G1|VM_G1|SafepointSynchronize");
  static final Pattern JIT = Pattern.compile("CompileBroker|C2Compiler|C1Compiler");

  public static void main(String[] args) throws Exception {
    Map<String, Long> samples = new TreeMap<>();
    long total = 0;
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      long n = Long.parseLong(line.substring(space + 1).trim());
      total += n;
      samples.merge(component(List.of(line.substring(0, space).split(";"))), n, Long::sum);
    }
    long all = total;
    System.out.printf("%d samples%n", all);
    samples.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> System.out.printf("%5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
  }

  static String component(List<String> frames) {
    boolean javaThread = frames.get(0).matches("^(java|javax|jdk|com|org|io|sun)/.*");
    String head = String.join(";", frames.subList(0, Math.min(8, frames.size())));
    if (!javaThread && GC.matcher(head).find()) {
      return "GC";
    }
    if (!javaThread && JIT.matcher(head).find()) {
      return "JIT compiler";
    }
    for (int i = frames.size() - 1; i >= 0; i--) {
      for (Map.Entry<String, Pattern> c : COMPONENTS.entrySet()) {
        if (c.getValue().matcher(frames.get(i)).find()) {
          return c.getKey();
        }
      }
    }
    return "other (JDK, Liberty and Weld plumbing, native)";
  }
}
