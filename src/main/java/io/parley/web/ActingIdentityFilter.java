package io.parley.web;

import io.parley.security.SignedIn;
import io.parley.users.ActingIdentity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Every page and API call decides roles from its own verified token ({@link ActingIdentity}), not
 * from whichever token of the same person was used last.
 */
@WebFilter(urlPatterns = "/*")
public class ActingIdentityFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request.getAttribute(SignedIn.REQUEST_ATTRIBUTE) instanceof SignedIn me)) {
      chain.doFilter(request, response);
      return;
    }
    ServletException[] failed = new ServletException[1];
    ActingIdentity.run(
        me.userId(),
        me.user().groups(),
        () -> {
          try {
            chain.doFilter(request, response);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (ServletException e) {
            failed[0] = e;
          }
        });
    if (failed[0] != null) {
      throw failed[0];
    }
  }
}
