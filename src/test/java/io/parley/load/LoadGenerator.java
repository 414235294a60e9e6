package io.parley.load;

import io.parley.it.Parley;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load against a running Parley (one node, or several behind a proxy): clients sign in through the
 * development sign-in, join rooms and speak exactly the page's frames. Prints latency percentiles,
 * throughput, the stream check (lost, duplicated, out of order) and the server's CPU, memory and
 * heap by pid. Run it with {@code ops/load/run.sh}; scenarios and options are in its usage.
 */
public final class LoadGenerator {

  private final Map<String, String> options;
  private final String baseUrl;
  private final HttpClient http;
  private final ServerStats server;
  private final Path reportFile;

  private LoadGenerator(Map<String, String> options) {
    this.options = options;
    this.baseUrl = option("url", "http://localhost:9080");
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .sslContext(Parley.trustingLocalCertificates())
            .build();
    this.server = ServerStats.find();
    this.reportFile = Path.of(option("report", "target/load/report.txt"));
  }

  public static void main(String[] args) throws Exception {
    // The development certificate names the machine, not localhost.
    System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    try {
      run(new LoadGenerator(options));
    } catch (Exception | Error e) {
      // Printed and ended here: Maven's exec would otherwise wait for the client pools' threads
      // and never show why the run stopped.
      System.err.println("load run failed:");
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(LoadGenerator generator) throws Exception {
    String scenario = generator.option("scenario", "chat");
    switch (scenario) {
      case "chat" -> generator.chat(false);
      case "cold" -> generator.cold();
      case "storm" -> generator.chat(true);
      case "idle" -> generator.idle();
      case "history" -> generator.history();
      case "search" -> generator.search();
      case "chart" ->
          LatencyChart.write(
              Path.of(generator.option("csv", "target/load/percentiles.csv")),
              Path.of(generator.option("svg", "docs/images/latency.svg")));
      default ->
          throw new IllegalArgumentException(
              "scenario: chat, cold, storm, idle, history, search, chart");
    }
  }

  String option(String name, String otherwise) {
    return options.getOrDefault(name, otherwise);
  }

  int intOption(String name, int otherwise) {
    return Integer.parseInt(option(name, String.valueOf(otherwise)));
  }

  /**
   * (a) R rooms x M members, S messages a second in all, every message stored before it is
   * acknowledged; with {@code storm}, (c) every client then drops and reconnects at once.
   */
  void chat(boolean storm) throws Exception {
    int rooms = intOption("rooms", 50);
    int members = intOption("members", 20);
    int rate = intOption("rate", 250);
    int seconds = intOption("seconds", 30);
    int warmup = intOption("warmup", 5);
    String title =
        (storm ? "Reconnect storm" : "Chat")
            + String.format(
                ": %d rooms x %d members, %d msg/s, %d s at %s",
                rooms, members, rate, seconds, baseUrl);
    print(title);
    Recorder delivery = new Recorder(3);
    Recorder acks = new Recorder(3);
    long setUp0 = System.nanoTime();
    List<LoadClient> clients = setUp(rooms, members, delivery, acks);
    connectAll(clients);
    print(
        String.format(
            "  %d clients signed in, joined and connected in %.1f s",
            clients.size(), (System.nanoTime() - setUp0) / 1e9));

    ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    heartbeats(timers, clients);
    Sender sender = new Sender(clients, rate);
    timers.scheduleAtFixedRate(sender, 0, 10, TimeUnit.MILLISECONDS);
    Thread.sleep(warmup * 1000L);

    delivery.reset();
    acks.reset();
    long received0 = received(clients);
    long sent0 = sender.sent.get();
    double cpu0 = server.cpuSeconds();
    long t0 = System.nanoTime();
    Histogram d = new Histogram(3);
    int window = intOption("window", seconds);
    for (int at = 0; at < seconds; at += window) {
      // Each window on its own (a cold server's first minute changes from one to the next).
      long w0 = received(clients);
      double c0 = server.cpuSeconds();
      long s0 = System.nanoTime();
      Thread.sleep(Math.min(window, seconds - at) * 1000L);
      Histogram w = delivery.getIntervalHistogram();
      d.add(w);
      if (window < seconds) {
        double span = (System.nanoTime() - s0) / 1e9;
        long n = received(clients) - w0;
        print(
            String.format(
                "  %3d-%3d s: p50 %.1f ms  p99 %.1f ms  max %.1f ms; %.0f deliveries/s; %.0f us CPU"
                    + " per delivery",
                at + warmup,
                Math.min(at + window, seconds) + warmup,
                w.getValueAtPercentile(50) / 1000.0,
                w.getValueAtPercentile(99) / 1000.0,
                w.getMaxValue() / 1000.0,
                n / span,
                n == 0 ? 0 : (server.cpuSeconds() - c0) * 1e6 / n));
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = server.cpuSeconds() - cpu0;
    long deliveries = received(clients) - received0;
    long sent = sender.sent.get() - sent0;
    Histogram a = acks.getIntervalHistogram();

    if (storm) {
      stormReconnect(clients);
    }
    sender.stop = true;
    Thread.sleep(5_000); // the last messages arrive
    timers.shutdownNow();
    Map<String, Long> lastPerRoom = new HashMap<>();
    clients.forEach(c -> lastPerRoom.merge(c.roomId, c.highestAcked, Math::max));
    long lost = 0;
    long duplicated = 0;
    long outOfOrder = 0;
    long refused = 0;
    for (LoadClient c : clients) {
      // Every client watched its room from seq 0: it must have received 1..last exactly once.
      lost += Math.max(0, lastPerRoom.get(c.roomId) - c.received);
      duplicated += c.duplicates;
      outOfOrder += c.gaps;
      refused += c.refused;
      c.close();
    }
    print(
        String.format(
            "  sent %d msg (%.0f/s), delivered %d (%.0f deliveries/s) to %d sockets",
            sent, sent / wall, deliveries, deliveries / wall, clients.size()));
    print("  send->ack      " + percentiles(a));
    print("  send->delivery " + percentiles(d));
    String label =
        option(
            "label", (storm ? "storm" : "chat") + " " + rooms + "x" + members + " @" + rate + "/s");
    chartRow(label + " send->delivery", d);
    print(
        String.format(
            "  stream check: lost %d, duplicated %d, out of order %d; refused sends %d",
            lost, duplicated, outOfOrder, refused));
    serverFigures(cpu, wall, deliveries, clients.size());
  }

  /**
   * A freshly started server's first minute: the chat load from its first second (no warm-up), p99
   * per 10 s window; run it right after "ready" ({@code ops/load/cold.sh} does).
   */
  void cold() throws Exception {
    long t0 = System.nanoTime();
    options.putIfAbsent("warmup", "0");
    options.putIfAbsent("seconds", "60");
    options.putIfAbsent("window", "10");
    options.putIfAbsent("label", "cold start");
    chat(false);
    print(String.format("  whole cold scenario %.1f s", (System.nanoTime() - t0) / 1e9));
  }

  /** Every client drops at once, reconnects and resumes from its last seq; times the catch-up. */
  private void stormReconnect(List<LoadClient> clients) throws Exception {
    clients.forEach(LoadClient::drop);
    Thread.sleep(500);
    Map<String, Long> target = new HashMap<>();
    clients.forEach(c -> target.merge(c.roomId, c.highestAcked, Math::max));
    long t0 = System.nanoTime();
    connectAll(clients);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    long behind = clients.size();
    while (System.nanoTime() < deadline) {
      behind = clients.stream().filter(c -> c.lastSeq < target.get(c.roomId)).count();
      if (behind == 0) {
        break;
      }
      Thread.sleep(20);
    }
    print(
        String.format(
            "  reconnect storm: %d clients reconnected and caught up in %.2f s (%d still behind)",
            clients.size(), (System.nanoTime() - t0) / 1e9, behind));
  }

  /** (b) Idle sockets with the page's heartbeat, ramped up; memory and CPU of holding them. */
  void idle() throws Exception {
    int sockets = intOption("sockets", 10_000);
    int perUser = intOption("sockets-per-user", 10);
    int seconds = intOption("seconds", 30);
    print(
        String.format(
            "Idle sockets: %d (%d per user), held %d s at %s", sockets, perUser, seconds, baseUrl));
    long heap0 = server.heapAfterGcMb();
    long rss0 = server.rssMb();
    Recorder unused = new Recorder(3);
    String room = signIn("Idle owner " + System.nanoTime()).createRoom("idle " + System.nanoTime());
    List<LoadClient> clients = new ArrayList<>();
    String token = null;
    for (int i = 0; i < sockets; i++) {
      if (i % perUser == 0) {
        token = signIn("Idle " + System.nanoTime() + " " + i).token;
        join(token, room);
      }
      clients.add(new LoadClient(token, room, unused, unused));
    }
    int connected = connectAll(clients);
    ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    heartbeats(timers, clients);
    Thread.sleep(10_000); // settle
    double cpu0 = server.cpuSeconds();
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = server.cpuSeconds() - cpu0;
    long open = clients.stream().filter(LoadClient::isOpen).count();
    long heap = server.heapAfterGcMb();
    long rss = server.rssMb();
    timers.shutdownNow();
    print(
        String.format(
            "  open after %d s: %d of %d (connected %d)", seconds, open, sockets, connected));
    print(
        String.format(
            "  server: CPU %.1f %% of a core holding them; RSS %d -> %d MB; heap after GC %d -> %d MB"
                + " (%.1f KB heap, %.1f KB RSS per socket)",
            100 * cpu / wall,
            rss0,
            rss,
            heap0,
            heap,
            open == 0 ? 0 : (heap - heap0) * 1024.0 / open,
            open == 0 ? 0 : (rss - rss0) * 1024.0 / open));
    clients.forEach(LoadClient::close);
  }

  /**
   * (d) History and catch-up: the newest page and random older pages of random rooms through the
   * API, and catch-up of 100 messages over the socket, on whatever the store holds (seed it with
   * {@code ops/load/seed}); run it alongside a chat load for "under load".
   */
  void history() throws Exception {
    int requests = intOption("requests", 2_000);
    int concurrency = intOption("concurrency", 4);
    User reader = signIn("History reader " + System.nanoTime());
    List<String> rooms = publicRooms(reader.token);
    print(
        String.format(
            "History: %d reads over %d public rooms at %s", requests, rooms.size(), baseUrl));
    Recorder newest = new Recorder(3);
    Recorder older = new Recorder(3);
    Recorder catchUp = new Recorder(3);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    AtomicInteger failures = new AtomicInteger();
    List<CompletableFuture<Void>> work = new ArrayList<>();
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < requests; i++) {
      String room = rooms.get(random.nextInt(rooms.size()));
      int kind = i % 3;
      work.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  if (kind == 0) {
                    timed(newest, () -> get(reader.token, "/api/rooms/" + room + "/messages"));
                  } else if (kind == 1) {
                    long last = lastSeq(reader.token, room);
                    long before = 1 + (long) (Math.random() * Math.max(1, last));
                    timed(
                        older,
                        () ->
                            get(reader.token, "/api/rooms/" + room + "/messages?before=" + before));
                  } else {
                    long last = lastSeq(reader.token, room);
                    LoadClient c =
                        new LoadClient(reader.token, room, new Recorder(3), new Recorder(3));
                    c.lastSeq = Math.max(0, last - 100);
                    long t0 = System.nanoTime();
                    c.connect(http, baseUrl).join();
                    c.ready().get(30, TimeUnit.SECONDS);
                    while (c.lastSeq < last && System.nanoTime() - t0 < 30e9) {
                      Thread.sleep(1);
                    }
                    catchUp.recordValue((System.nanoTime() - t0) / 1000);
                    c.close();
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                }
              },
              pool));
    }
    CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    pool.shutdown();
    Histogram newestPage = newest.getIntervalHistogram();
    Histogram olderPage = older.getIntervalHistogram();
    Histogram caughtUp = catchUp.getIntervalHistogram();
    print("  newest page (API)       " + percentiles(newestPage));
    print("  older page (API)        " + percentiles(olderPage));
    print("  catch-up 100 (socket)   " + percentiles(caughtUp));
    String label = option("label", "history");
    chartRow(label + " newest page", newestPage);
    chartRow(label + " older page", olderPage);
    chartRow(label + " catch-up 100", caughtUp);
    print("  failures: " + failures.get() + "; server RSS " + server.rssMb() + " MB");
  }

  /**
   * Searches through the API by people in 20 (one in ten: every listed) public rooms, with the
   * vocabulary the seed wrote ({@code ops/load/seed.sh … words}): common and rare words, prefixes,
   * two words, phrases; newest first and by relevance.
   */
  void search() throws Exception {
    int requests = intOption("requests", 2_000);
    int concurrency = intOption("concurrency", 2);
    int searchers = intOption("searchers", 10);
    java.util.Random random = new java.util.Random(3);
    List<User> people = new ArrayList<>();
    List<String> listed = null;
    for (int p = 0; p < searchers; p++) {
      User u = signIn("Searcher " + p + " " + System.nanoTime());
      if (listed == null) {
        listed = publicRooms(u.token);
      }
      List<String> rooms = new ArrayList<>(listed);
      java.util.Collections.shuffle(rooms, random);
      int joins = p % 10 == 9 ? rooms.size() : Math.min(20, rooms.size());
      for (String room : rooms.subList(0, joins)) {
        post(u.token, "/api/rooms/" + room + "/join", "");
      }
      people.add(u);
    }
    print(
        String.format(
            "Search: %d searches by %d people over %d public rooms at %s",
            requests, searchers, listed.size(), baseUrl));
    Vocabulary words = new Vocabulary(20_000, 99);
    Recorder latency = new Recorder(3);
    AtomicInteger failures = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong hits = new java.util.concurrent.atomic.AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<CompletableFuture<Void>> work = new ArrayList<>();
    double cpu0 = server.cpuSeconds();
    long t0 = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      User who = people.get(i % people.size());
      String q;
      synchronized (words) {
        q = words.query();
      }
      String sort = i % 10 < 7 ? "newest" : "relevance";
      work.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  String[] body = new String[1];
                  timed(
                      latency,
                      () ->
                          body[0] =
                              get(
                                  who.token,
                                  "/api/search?sort="
                                      + sort
                                      + "&q="
                                      + java.net.URLEncoder.encode(
                                          q, java.nio.charset.StandardCharsets.UTF_8)));
                  hits.addAndGet(body[0].split("\"seq\":").length - 1);
                } catch (Exception e) {
                  failures.incrementAndGet();
                }
              },
              pool));
    }
    CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Histogram h = latency.getIntervalHistogram();
    print("  search (API, page of 20)  " + percentiles(h));
    print(
        String.format(
            "  %.0f searches/s, %d results shown in all, server CPU %.0f %% of a core, failures %d,"
                + " server RSS %d MB",
            requests / seconds,
            hits.get(),
            100.0 * (server.cpuSeconds() - cpu0) / seconds,
            failures.get(),
            server.rssMb()));
    chartRow(option("label", "search"), h);
  }

  // ---- set-up

  private record User(String name, String token, LoadGenerator generator) {
    String createRoom(String name) throws Exception {
      HttpResponse<String> r =
          generator.post(token, "/api/rooms", "{\"name\":\"" + name + "\",\"type\":\"public\"}");
      Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(r.body());
      if (r.statusCode() != 201 || !m.find()) {
        throw new IllegalStateException("room not created: " + r.statusCode() + " " + r.body());
      }
      return m.group(1);
    }
  }

  private List<LoadClient> setUp(int rooms, int members, Recorder delivery, Recorder acks)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<CompletableFuture<List<LoadClient>>> perRoom = new ArrayList<>();
    long run = System.nanoTime();
    for (int r = 0; r < rooms; r++) {
      int room = r;
      perRoom.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  List<LoadClient> clients = new ArrayList<>();
                  User owner = signIn("Load " + run + " r" + room + " m0");
                  String id = owner.createRoom("load " + run + " " + room);
                  clients.add(new LoadClient(owner.token, id, delivery, acks));
                  for (int m = 1; m < members; m++) {
                    User member = signIn("Load " + run + " r" + room + " m" + m);
                    join(member.token, id);
                    clients.add(new LoadClient(member.token, id, delivery, acks));
                  }
                  return clients;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              pool));
    }
    List<LoadClient> all = new ArrayList<>();
    for (var f : perRoom) {
      all.addAll(f.join());
    }
    pool.shutdown();
    return all;
  }

  /** Connects every client (at most 64 handshakes in flight); returns how many became live. */
  private int connectAll(List<LoadClient> clients) throws Exception {
    long t0 = System.nanoTime();
    java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(64);
    AtomicInteger live = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (LoadClient c : clients) {
      inFlight.acquire();
      all.add(
          c.connect(http, baseUrl)
              .thenCompose(v -> c.ready())
              .orTimeout(60, TimeUnit.SECONDS)
              .handle(
                  (v, e) -> {
                    inFlight.release();
                    (e == null ? live : refused).incrementAndGet();
                    return null;
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    double s = (System.nanoTime() - t0) / 1e9;
    print(
        String.format(
            "  connected %d sockets in %.1f s (%.0f handshakes/s), refused %d",
            live.get(), s, live.get() / s, refused.get()));
    return live.get();
  }

  private void heartbeats(ScheduledExecutorService timers, List<LoadClient> clients) {
    int n = clients.size();
    for (int i = 0; i < n; i++) {
      LoadClient c = clients.get(i);
      long offset = 10_000L * i / Math.max(1, n); // spread over the period, as tabs are
      timers.scheduleAtFixedRate(c::heartbeat, offset, 10_000, TimeUnit.MILLISECONDS);
    }
  }

  /** Posts at a fixed total rate, round-robin over the clients. */
  private static final class Sender implements Runnable {
    private final List<LoadClient> clients;
    private final double perTick;
    private double owed;
    private int next;
    volatile boolean stop;
    final java.util.concurrent.atomic.AtomicLong sent =
        new java.util.concurrent.atomic.AtomicLong();

    Sender(List<LoadClient> clients, int rate) {
      this.clients = clients;
      this.perTick = rate / 100.0;
    }

    @Override
    public void run() {
      if (stop) {
        return;
      }
      owed += perTick;
      while (owed >= 1) {
        owed--;
        LoadClient c = clients.get(next);
        next = (next + 7919) % clients.size(); // a stride, so rooms interleave
        if (c.isOpen()) {
          c.post();
          sent.incrementAndGet();
        }
      }
    }
  }

  private static long received(List<LoadClient> clients) {
    return clients.stream().mapToLong(c -> c.received).sum();
  }

  private void serverFigures(double cpu, double wall, long deliveries, int sockets) {
    if (!server.found()) {
      print("  server: no Liberty process found on this machine; CPU and memory not measured");
      return;
    }
    print(
        String.format(
            "  server %s: CPU %.0f %% of a core, %.0f us CPU per delivery; RSS %d MB; heap after"
                + " GC %d MB (%d sockets)",
            server.pids(),
            100 * cpu / wall,
            deliveries == 0 ? 0 : cpu * 1e6 / deliveries,
            server.rssMb(),
            server.heapAfterGcMb(),
            sockets));
  }

  // ---- HTTP

  User signIn(String name) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String token =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("parley_token="))
            .map(c -> c.substring("parley_token=".length(), c.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("sign-in refused: " + r.statusCode()));
    return new User(name, token, this);
  }

  private void join(String token, String roomId) throws Exception {
    HttpResponse<String> r = post(token, "/api/rooms/" + roomId + "/join", "");
    if (r.statusCode() != 200) {
      throw new IllegalStateException("join refused: " + r.statusCode() + " " + r.body());
    }
  }

  HttpResponse<String> post(String token, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String get(String token, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return r.body();
  }

  private List<String> publicRooms(String token) throws Exception {
    List<String> ids = new ArrayList<>();
    Matcher m =
        Pattern.compile("\"id\":\"([^\"]+)\"").matcher(get(token, "/api/rooms?scope=public"));
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private long lastSeq(String token, String room) throws Exception {
    Matcher m =
        Pattern.compile("\"seq\":(\\d+)")
            .matcher(get(token, "/api/rooms/" + room + "/messages?limit=1"));
    long last = 0;
    while (m.find()) {
      last = Math.max(last, Long.parseLong(m.group(1)));
    }
    return last;
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static void timed(Recorder recorder, Call call) throws Exception {
    long t0 = System.nanoTime();
    call.run();
    recorder.recordValue((System.nanoTime() - t0) / 1000);
  }

  // ---- report

  static String percentiles(Histogram h) {
    if (h.getTotalCount() == 0) {
      return "no samples";
    }
    return String.format(
        "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms  (n=%d)",
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(90) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0,
        h.getMaxValue() / 1000.0,
        h.getTotalCount());
  }

  /** One row of target/load/percentiles.csv, which the chart scenario draws. */
  private void chartRow(String label, Histogram h) {
    if (h.getTotalCount() == 0) {
      return;
    }
    String row =
        String.format(
            java.util.Locale.ROOT,
            "%s,%.2f,%.2f,%.2f,%.2f%n",
            label.replace(",", " "),
            h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(90) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0,
            h.getValueAtPercentile(99.9) / 1000.0);
    try {
      Path csv = reportFile.toAbsolutePath().getParent().resolve("percentiles.csv");
      Files.createDirectories(csv.getParent());
      Files.writeString(csv, row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      // the report has the figures
    }
  }

  private void print(String line) {
    System.out.println(line);
    try {
      Files.createDirectories(reportFile.toAbsolutePath().getParent());
      Files.writeString(
          reportFile, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      // the console has it
    }
  }
}
