package io.parley.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Request bodies of the API and the page forms are small (a message is at most 4,000 characters):
 * anything over 64 KiB is refused with 413, whether it announces its length or is sent in chunks.
 * Uploads (a message's files, a file through the API) may carry up to the file limit in all, so a
 * request never spools more than that to disk; a page's multipart upload must say its length (every
 * browser does). (Avatar uploads have their own limit on {@code /profile}.)
 */
@WebFilter(
    urlPatterns = {
      "/api/*",
      "/hooks/*",
      "/rooms",
      "/rooms/*",
      "/direct",
      "/sign-in",
      "/admin",
      "/reports",
      "/later/*",
      "/unsubscribe/*"
    })
public class BodyLimitFilter extends HttpFilter {

  static final int MAX_BODY = 64 * 1024;

  /** Uploads: a message's files (multipart form) or one file through the API. */
  private static final java.util.regex.Pattern UPLOAD =
      java.util.regex.Pattern.compile(
          "/rooms/[^/]+/(messages|threads/\\d+)|/api/rooms/[^/]+/files");

  @jakarta.inject.Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "parley.files.max-mb",
      defaultValue = "25")
  long maxFileMb;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean upload = isUpload(request);
    long max = upload ? uploadLimit() : MAX_BODY;
    if (request.getContentLengthLong() > max) {
      response.sendError(
          413,
          max == MAX_BODY
              ? "request body over " + MAX_BODY / 1024 + " KiB"
              : "a message's files take at most " + maxFileMb + " MB together");
      return;
    }
    if (upload
        && request.getContentLengthLong() < 0
        && !request.getRequestURI().startsWith("/api/")) {
      // The container parses (and spools) a multipart body before this filter's counting stream
      // could see it: without a declared length it cannot be bounded here.
      response.sendError(411, "say the upload's length (Content-Length)");
      return;
    }
    chain.doFilter(new Limited(request, max), response);
  }

  private long uploadLimit() {
    return maxFileMb * 1024 * 1024 + MAX_BODY;
  }

  private static boolean isUpload(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return false;
    }
    String type = String.valueOf(request.getContentType()).toLowerCase(java.util.Locale.ROOT);
    String path = request.getRequestURI();
    return UPLOAD.matcher(path).matches()
        && (path.startsWith("/api/") || type.startsWith("multipart/form-data"));
  }

  /** Counts what is read and stops past the limit, for bodies without a declared length. */
  private static final class Limited extends HttpServletRequestWrapper {
    private ServletInputStream limited;
    private final long max;

    Limited(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        ServletInputStream in = super.getInputStream();
        limited =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && ++read > max) {
                  throw new IOException("request body over " + max / 1024 + " KiB");
                }
                return b;
              }

              @Override
              public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n > 0 && (read += n) > max) {
                  throw new IOException("request body over " + max / 1024 + " KiB");
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return limited;
    }
  }
}
