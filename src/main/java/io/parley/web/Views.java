package io.parley.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  @Inject ServletContext servletContext;

  private TemplateEngine engine;

  @PostConstruct
  void init() {
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
