package io.parley.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the latency percentiles the generator recorded ({@code target/load/percentiles.csv}: label,
 * p50, p90, p99, p99.9 in ms) as grouped bars on a log scale, as an SVG for docs/performance.md.
 */
final class LatencyChart {

  private static final String[] PERCENTILES = {"p50", "p90", "p99", "p99.9"};
  private static final String[] COLOURS = {"#4c78a8", "#72b7b2", "#f58518", "#e45756"};

  private LatencyChart() {}

  static void write(Path csv, Path svg) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      if (!line.isBlank()) {
        rows.add(line.split(","));
      }
    }
    int rowHeight = 4 * 14 + 18;
    int left = 330;
    int width = 900;
    int height = 40 + rows.size() * rowHeight + 40;
    double maxLog = Math.log10(100_000); // 100 s
    double minLog = Math.log10(0.1);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            width,
            height));
    out.append(
        "<text x=\"10\" y=\"20\" font-size=\"14\">Latency percentiles per scenario (ms, log scale)</text>\n");
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      int top = 40 + i * rowHeight;
      out.append(
          String.format(
              Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", top + 30, escape(row[0])));
      for (int p = 0; p < 4; p++) {
        double ms = Double.parseDouble(row[p + 1]);
        double x =
            (Math.log10(Math.max(0.1, ms)) - minLog) / (maxLog - minLog) * (width - left - 80);
        int y = top + p * 14;
        out.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%s %.1f</text>%n",
                left,
                y,
                Math.max(1, x),
                COLOURS[p],
                left + Math.max(1, x) + 4,
                y + 10,
                PERCENTILES[p],
                ms));
      }
    }
    for (double tick : new double[] {1, 10, 100, 1000, 10000}) {
      double x = left + (Math.log10(tick) - minLog) / (maxLog - minLog) * (width - left - 80);
      out.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"35\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\"/>"
                  + "<text x=\"%.1f\" y=\"%d\">%s ms</text>%n",
              x,
              x,
              height - 30,
              x - 10,
              height - 15,
              tick >= 1000 ? (int) (tick / 1000) + "k" : String.valueOf((int) tick)));
    }
    out.append("</svg>\n");
    Files.createDirectories(svg.toAbsolutePath().getParent());
    Files.writeString(svg, out.toString());
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
