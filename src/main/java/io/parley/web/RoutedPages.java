package io.parley.web;

import io.parley.common.DomainException;
import io.parley.render.PageModels;
import io.parley.render.RoomViews;
import io.parley.render.Views;
import io.parley.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A page servlet whose requests go to its declared {@link Routes}; a refusal becomes the error page
 * with its status.
 */
abstract class RoutedPages extends HttpServlet {

  @Inject RoomViews views;
  @Inject Views templates;

  /** The routes, declared once per servlet. */
  protected abstract Routes routes();

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    handle(req, resp);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    req.setCharacterEncoding("UTF-8");
    handle(req, resp);
  }

  private void handle(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    SignedIn me = Requests.signedIn(req);
    try {
      routes().dispatch(me, req, resp);
    } catch (DomainException e) {
      var frame = views.frame(me == null ? null : me.user());
      var model = PageModels.ErrorPage.of(frame, Requests.status(e), e.getMessage());
      Requests.html(resp, Requests.status(e), templates.page(Views.Page.ERROR, model));
    }
  }
}
