package io.parley.api;

import io.parley.api.ApiModels.Problem;
import io.parley.common.DomainException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every refusal as a JSON problem with a status that says why. */
public final class ErrorMappers {

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
}
