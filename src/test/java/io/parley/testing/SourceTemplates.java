package io.parley.testing;

import io.parley.render.Views;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/** The real templates, read from the sources, as the server's engine reads them. */
public final class SourceTemplates {

  private SourceTemplates() {}

  public static TemplateEngine engine() {
    FileTemplateResolver resolver = new FileTemplateResolver();
    resolver.setPrefix("src/main/webapp/WEB-INF/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setTextTemplateModePatterns(Set.of("mail/*.txt"));
    return Views.engineFor(resolver);
  }
}
