package io.parley.api;

import io.parley.api.ApiModels.Problem;
import io.parley.common.DomainException;
import io.parley.metrics.ChatMetrics;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every refusal as a JSON problem with a status that says why. */
public final class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  private ErrorMappers() {}

  static Response problem(int status, String error, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new Problem(error, message))
        .build();
  }

  /** Domain refusals: 400 invalid, 403 forbidden, 404 not found (also for hidden rooms), 409. */
  @Provider
  public static class Domain implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
      int status =
          switch (e.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case RATE_LIMITED -> 429;
          };
      Response problem = problem(status, e.kind().name().toLowerCase(), e.getMessage());
      return e.kind() == DomainException.Kind.RATE_LIMITED
          ? Response.fromResponse(problem).header("Retry-After", e.retryAfterSeconds()).build()
          : problem;
    }
  }

  /** A body that is not the JSON expected. */
  @Provider
  public static class MalformedJson implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return problem(400, "invalid", "malformed JSON body");
    }
  }

  /** A body the runtime could not read at all. */
  @Provider
  public static class Unreadable implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return problem(400, "invalid", "malformed request body");
    }
  }

  /**
   * The runtime's own refusals (no such resource, method not allowed, unsupported media type): the
   * same JSON problem, without the runtime's text.
   */
  @Provider
  public static class Runtime implements ExceptionMapper<WebApplicationException> {
    @Inject ChatMetrics metrics;

    private static final Map<Integer, String> ERRORS =
        Map.of(
            401, "unauthorized",
            403, "forbidden",
            404, "not_found",
            405, "method_not_allowed",
            406, "not_acceptable",
            415, "unsupported_media_type");

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      String error = ERRORS.getOrDefault(status, "invalid");
      return status >= 500
          ? unexpected(e, metrics)
          : problem(status, error, error.replace('_', ' '));
    }
  }

  /** Anything unexpected: 500 with a reference that is logged next to the stack trace. */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    @Inject ChatMetrics metrics;

    @Override
    public Response toResponse(RuntimeException e) {
      return unexpected(e, metrics);
    }
  }

  private static Response unexpected(Throwable e, ChatMetrics metrics) {
    metrics.failed(ChatMetrics.Failure.API);
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.log(Level.SEVERE, "API call failed, reference " + reference, e);
    return problem(
        500, "internal", "something went wrong on our side (reference " + reference + ")");
  }
}
