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
 * (Avatar uploads have their own limit on {@code /profile}.)
 */
@WebFilter(urlPatterns = {"/api/*", "/rooms", "/rooms/*", "/direct", "/sign-in", "/admin"})
public class BodyLimitFilter extends HttpFilter {

  static final int MAX_BODY = 64 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getContentLengthLong() > MAX_BODY) {
      response.sendError(413, "request body over " + MAX_BODY / 1024 + " KiB");
      return;
    }
    chain.doFilter(new Limited(request), response);
  }

  /** Counts what is read and stops past the limit, for bodies without a declared length. */
  private static final class Limited extends HttpServletRequestWrapper {
    private ServletInputStream limited;

    Limited(HttpServletRequest request) {
      super(request);
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
                if (b >= 0 && ++read > MAX_BODY) {
                  throw new IOException("request body over " + MAX_BODY / 1024 + " KiB");
                }
                return b;
              }

              @Override
              public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n > 0 && (read += n) > MAX_BODY) {
                  throw new IOException("request body over " + MAX_BODY / 1024 + " KiB");
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
