package io.parley.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The address people use, and whether plain HTTP is sent there over HTTPS. */
@ApplicationScoped
public class WebSettings {

  @Inject
  @ConfigProperty(name = "parley.https.redirect")
  boolean httpsRedirect;

  @Inject
  @ConfigProperty(name = "parley.public-url")
  String publicUrl;

  public boolean httpsRedirect() {
    return httpsRedirect;
  }

  public String publicUrl() {
    return publicUrl;
  }
}
