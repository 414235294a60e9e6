package io.parley.web;

import io.parley.render.LaterModels;
import io.parley.render.LiveFragments;
import io.parley.render.MessageRefs;
import io.parley.render.Views;
import io.parley.threads.ThreadInbox;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.util.List;

/**
 * The threads inbox.
 *
 * <pre>
 * GET /threads        threads you started, replied to or were mentioned in; newest first
 * GET /threads/rows   the list alone (htmx: reloaded when a followed thread gets a reply)
 * GET /threads/link   the top bar's Threads link with the unread count (htmx)
 * </pre>
 */
@WebServlet(urlPatterns = {"/threads", "/threads/*"})
public class ThreadsPages extends RoutedPages {

  @Inject ThreadInbox inbox;
  @Inject MessageRefs refs;
  @Inject LiveFragments live;

  private final Routes routes =
      new Routes()
          .get(
              "/threads",
              call ->
                  Requests.html(
                      call.resp(),
                      200,
                      templates.page(
                          Views.Page.THREADS,
                          new LaterModels.ThreadsPage(views.frame(call.me().user()), rows(call)))))
          .get(
              "/threads/rows",
              call ->
                  Requests.html(
                      call.resp(),
                      200,
                      templates.fragment(
                          Views.Fragment.THREAD_ROWS, new LaterModels.ThreadRows(rows(call)))))
          .get(
              "/threads/link",
              call ->
                  Requests.html(
                      call.resp(), 200, live.threadsLink(inbox.unreadThreads(call.me().userId()))));

  @Override
  protected Routes routes() {
    return routes;
  }

  private List<LaterModels.ThreadRow> rows(Routes.Call call) throws IOException {
    String me = call.me().userId();
    return inbox.of(me).stream()
        .map(
            e ->
                new LaterModels.ThreadRow(
                    refs.of(e.parent(), me),
                    e.parent().thread().replies(),
                    e.unread(),
                    e.follow().lastActivityAt().toString(),
                    MessageRefs.label(e.follow().lastActivityAt())))
        .toList();
  }
}
