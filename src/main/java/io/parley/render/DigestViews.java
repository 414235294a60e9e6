package io.parley.render;

import io.parley.away.Digest;
import io.parley.away.Missed;
import io.parley.away.MissedItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A digest email's subject and its two bodies, HTML and plain text, from the templates under {@code
 * mail/} (user text escaped in both: the HTML by Thymeleaf, the text is plain).
 */
@ApplicationScoped
public class DigestViews {

  /** What an email says. */
  public record Rendered(String subject, String html, String text) {}

  @Inject Views views;

  public Rendered render(Digest digest, String publicUrl) {
    return render(views.engine(), digest, publicUrl);
  }

  /** With any engine whose resolver reads {@code mail/*.txt} as text (tests use the sources). */
  public static Rendered render(TemplateEngine engine, Digest digest, String publicUrl) {
    String base = publicUrl.replaceAll("/+$", "");
    Map<String, Object> model = new HashMap<>();
    model.put("name", digest.displayName());
    model.put("items", digest.items());
    model.put("includeText", digest.includeText());
    model.put("base", base);
    model.put("unsubscribe", unsubscribeUrl(publicUrl, digest.unsubscribeToken()));
    model.put("settings", base + "/profile#notifications");
    Context context = new Context(null, model);
    return new Rendered(
        subject(digest.items()),
        engine.process("mail/digest", context),
        engine.process("mail/digest.txt", context));
  }

  public static String unsubscribeUrl(String publicUrl, String token) {
    return publicUrl.replaceAll("/+$", "") + "/unsubscribe/" + token;
  }

  static String subject(List<MissedItem> items) {
    long mentions = items.stream().filter(i -> i.kind() == Missed.Kind.MENTION).count();
    long direct = items.stream().filter(i -> i.kind() == Missed.Kind.DIRECT).count();
    long reminders = items.stream().filter(i -> i.kind() == Missed.Kind.REMINDER).count();
    StringBuilder s = new StringBuilder("Parley: ");
    String sep = "";
    if (mentions > 0) {
      s.append(mentions).append(mentions == 1 ? " mention" : " mentions");
      sep = ", ";
    }
    if (direct > 0) {
      s.append(sep).append(direct).append(direct == 1 ? " direct message" : " direct messages");
      sep = ", ";
    }
    if (reminders > 0) {
      s.append(sep).append(reminders).append(reminders == 1 ? " reminder" : " reminders");
    }
    return s.append(" while you were away").toString();
  }
}
