package io.parley.render;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
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
    resolver.setTextTemplateModePatterns(Set.of("mail/*.txt"));
    engine = engineFor(resolver);
  }

  /** An engine over any resolver; tests use a file resolver on the source templates. */
  public static TemplateEngine engineFor(ITemplateResolver resolver) {
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  /** Every page template. */
  public enum Page {
    ROOMS("pages/rooms"),
    ROOM("pages/room"),
    MESSAGE_ACTION("pages/message-action"),
    PROFILE("pages/profile"),
    ADMIN("pages/admin"),
    REPORTS("pages/reports"),
    AUDIT("pages/audit"),
    SEARCH("pages/search"),
    PEOPLE("pages/people"),
    DIRECTORY("pages/directory"),
    RETENTION("pages/retention"),
    HOOKS("pages/hooks"),
    SAVED("pages/saved"),
    LATER("pages/later"),
    UNSUBSCRIBE("pages/unsubscribe"),
    THREADS("pages/threads"),
    SIGN_IN("pages/sign-in"),
    ERROR("pages/error");

    final String template;

    Page(String template) {
      this.template = template;
    }
  }

  /** Every fragment rendered on its own: htmx answers and socket pushes. */
  public enum Fragment {
    APPEND("fragments/live", "append"),
    CHANGED("fragments/live", "changed"),
    MESSAGE("fragments/message", "message"),
    THREAD_BADGE("fragments/live", "thread-badge"),
    THREAD("fragments/thread", "thread"),
    PINS("fragments/thread", "pins"),
    EDIT_HISTORY("fragments/thread", "edits"),
    EDIT_FORM("fragments/message", "edit-form"),
    MESSAGE_MENU("fragments/message", "menu"),
    FORWARD_FORM("fragments/message", "forward-form"),
    PICKER("fragments/message", "picker"),
    BADGE("fragments/live", "badge"),
    RECEIPT("fragments/live", "receipt"),
    STATUS("fragments/live", "status"),
    TYPING("fragments/live", "typing"),
    PRESENCE("fragments/live", "presence"),
    SIDEBAR("fragments/sidebar", "sidebar"),
    MEMBERS("fragments/members", "members"),
    STANDING("fragments/composer", "standing"),
    MENTION_HINTS("fragments/composer", "mention-hints"),
    EMOJI_HINTS("fragments/composer", "emoji-hints"),
    REPORTS_LINK("fragments/live", "reports-link"),
    THREADS_LINK("fragments/live", "threads-link"),
    THREAD_ROWS("pages/threads", "rows"),
    NOTICE("fragments/live", "notice"),
    LATER_NOTICE("fragments/live", "later-notice"),
    REPORTED("fragments/message", "reported"),
    DESCRIBED("fragments/live", "described"),
    OLDER_MESSAGES("fragments/history", "older"),
    SEARCH_SUGGEST("fragments/search", "suggest"),
    PEOPLE_OPTIONS("fragments/people", "options");

    final String template;
    final String name;

    Fragment(String template, String name) {
      this.template = template;
      this.name = name;
    }
  }

  /** The engine itself, for renderers of other media (email). */
  TemplateEngine engine() {
    return engine;
  }

  public String page(Page page, Model model) {
    return engine.process(page.template, new Context(null, variables(model)));
  }

  public String fragment(Fragment fragment, Model model) {
    return fragment(fragment, variables(model));
  }

  /** For this package's own fragments (socket pushes), whose few variables need no record. */
  String fragment(Fragment fragment, Map<String, Object> variables) {
    return engine.process(fragment.template, Set.of(fragment.name), new Context(null, variables));
  }

  /**
   * A fragment pushed over sockets, written in ASCII ({@link AsciiHtml}): it is rendered once and
   * encoded to UTF-8 once per socket it goes to.
   */
  String pushed(Fragment fragment, Map<String, Object> variables) {
    return AsciiHtml.of(fragment(fragment, variables));
  }

  String pushed(Fragment fragment, Model model) {
    return pushed(fragment, variables(model));
  }

  /** The model's components by name; a component that is a model adds its own (it may be null). */
  static Map<String, Object> variables(Model model) {
    Map<String, Object> variables = new HashMap<>();
    for (RecordComponent component : COMPONENTS.get(model.getClass())) {
      Object value;
      try {
        value = component.getAccessor().invoke(model);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
      if (value instanceof Model part) {
        variables.putAll(variables(part));
      } else if (!Model.class.isAssignableFrom(component.getType()) || value != null) {
        variables.put(component.getName(), value);
      }
    }
    return variables;
  }

  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is a model but not a record");
          }
          RecordComponent[] components = type.getRecordComponents();
          for (RecordComponent c : components) {
            c.getAccessor().setAccessible(true);
          }
          return components;
        }
      };
}
