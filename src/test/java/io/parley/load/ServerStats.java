package io.parley.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server processes' own figures, read from /proc and jcmd by pid: CPU time, resident memory,
 * and heap in use after a full collection.
 */
final class ServerStats {

  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final List<Long> pids;

  ServerStats(List<Long> pids) {
    this.pids = pids;
  }

  /** The Liberty servers on this machine (their launcher jar names them). */
  static ServerStats find() {
    List<Long> pids =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains("ws-server.jar"))
            .map(ProcessHandle::pid)
            .toList();
    return new ServerStats(pids);
  }

  boolean found() {
    return !pids.isEmpty();
  }

  List<Long> pids() {
    return pids;
  }

  /** CPU seconds used so far by all the servers (user + system). */
  double cpuSeconds() {
    double total = 0;
    for (long pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
      } catch (IOException | RuntimeException e) {
        // the process is gone
      }
    }
    return total;
  }

  /** Resident memory of all the servers, in MB. */
  long rssMb() {
    long kb = 0;
    for (long pid : pids) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            kb += Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the process is gone
      }
    }
    return kb / 1024;
  }

  /** Heap in use after a full collection, summed over the servers, in MB (-1 if unknown). */
  long heapAfterGcMb() {
    long kb = 0;
    for (long pid : pids) {
      try {
        jcmd(pid, "GC.run");
        Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!m.find()) {
          return -1;
        }
        kb += Long.parseLong(m.group(1));
      } catch (IOException | InterruptedException e) {
        return -1;
      }
    }
    return kb / 1024;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}
