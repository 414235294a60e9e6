package io.parley.mail;

import io.parley.away.Digest;
import io.parley.away.DigestMail;
import io.parley.render.DigestViews;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * Sends a digest over SMTP: multipart/alternative (text, then HTML), with the RFC 8058 one-click
 * unsubscribe headers, through a Jakarta Mail session built from the settings (STARTTLS required
 * when asked for; timeouts so a dead server cannot hold the job).
 */
public class SmtpDigestMail implements DigestMail {

  private final MailSettings settings;
  private final BiFunction<Digest, String, DigestViews.Rendered> renderer;
  private final Session session;

  public SmtpDigestMail(
      MailSettings settings, BiFunction<Digest, String, DigestViews.Rendered> renderer) {
    this.settings = settings;
    this.renderer = renderer;
    this.session = settings.configured() ? session(settings) : null;
  }

  @Override
  public boolean configured() {
    return settings.configured();
  }

  @Override
  public void send(Digest digest) throws MailFailure {
    if (!configured()) {
      throw new MailFailure("no SMTP server is configured", null);
    }
    DigestViews.Rendered email = renderer.apply(digest, settings.publicUrl());
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(settings.from()));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(digest.to(), true));
      message.setSubject(email.subject(), "UTF-8");
      message.setSentDate(new Date());
      String unsubscribe =
          DigestViews.unsubscribeUrl(settings.publicUrl(), digest.unsubscribeToken());
      message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      message.setHeader("Auto-Submitted", "auto-generated");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(email.text(), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(email.html(), "UTF-8", "html");
      message.setContent(new MimeMultipart("alternative", text, html));
      Transport.send(message);
    } catch (MessagingException e) {
      throw new MailFailure("could not send to " + digest.to() + ": " + e.getMessage(), e);
    }
  }

  private static Session session(MailSettings s) {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", s.host());
    p.put("mail.smtp.port", String.valueOf(s.port()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    if (s.startTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    Authenticator auth = null;
    if (s.username() != null && !s.username().isBlank()) {
      p.put("mail.smtp.auth", "true");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(s.username(), s.password());
            }
          };
    }
    return Session.getInstance(p, auth);
  }
}
