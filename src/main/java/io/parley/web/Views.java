package io.parley.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the templates under {@code WEB-INF/templates}: whole pages for HTTP, and fragments for
 * htmx requests and WebSocket pushes (the same fragment on every path).
 */
@ApplicationScoped
public class Views {

  private TemplateEngine engine;

  /**
   * Built from the real ServletContext, delivered with the application's start event: the
   * injectable one is a request-bound proxy, unusable from WebSocket and topic threads.
   */
  void init(@Observes @Initialized(ApplicationScoped.class) ServletContext servletContext) {
    WebApplicationTemplateResolver resolver =
        new WebApplicationTemplateResolver(
            JakartaServletWebApplication.buildApplication(servletContext));
    resolver.setPrefix("/WEB-INF/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine = engineFor(resolver);
  }

  /** An engine over any resolver; tests use a file resolver on the source templates. */
  public static TemplateEngine engineFor(ITemplateResolver resolver) {
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  /** A whole template, e.g. {@code pages/room}. */
  public String page(String template, Map<String, Object> model) {
    return engine.process(template, new Context(null, model));
  }

  /** One fragment of a template, e.g. {@code fragments/live} / {@code append}. */
  public String fragment(String template, String fragment, Map<String, Object> model) {
    return engine.process(template, Set.of(fragment), new Context(null, model));
  }
}
