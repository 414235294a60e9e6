package io.parley.common;

/**
 * The client address of the request or socket frame this thread is serving, so that what it records
 * (the audit log) can say where an act came from without every service passing it on.
 */
public final class RequestOrigin {

  private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

  private RequestOrigin() {}

  /** Runs {@code work} as coming from {@code client}. */
  public static void serve(String client, ThrowingRunnable work) throws Exception {
    String before = CLIENT.get();
    CLIENT.set(client);
    try {
      work.run();
    } finally {
      if (before == null) {
        CLIENT.remove();
      } else {
        CLIENT.set(before);
      }
    }
  }

  /** The client address being served, or null (a scheduled job, a cluster event). */
  public static String client() {
    return CLIENT.get();
  }

  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
