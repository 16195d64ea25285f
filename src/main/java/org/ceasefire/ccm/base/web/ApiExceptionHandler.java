package org.ceasefire.ccm.base.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.ceasefire.ccm.base.ConflictException;
import org.ceasefire.ccm.base.FieldProblem;
import org.ceasefire.ccm.base.ForbiddenException;
import org.ceasefire.ccm.base.InvalidInputException;
import org.ceasefire.ccm.base.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure of an API call into {@code application/problem+json} with a detail a person can act on.
 * Bad input is a 4xx; only a genuine fault of ours is a 500, and it never carries a stack trace.
 */
@RestControllerAdvice(basePackages = "org.ceasefire.ccm")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return respond(ApiProblems.invalid(e.getMessage(), e.problems()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(ApiProblems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return respond(ApiProblems.of(HttpStatus.CONFLICT, "Conflict", e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return respond(ApiProblems.of(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage()));
    }

    /** The database was too busy to take a lock in time. Nothing was stored; the same request can be sent again. */
    @ExceptionHandler({org.springframework.dao.PessimisticLockingFailureException.class,
            org.springframework.dao.QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        log.warn("Refused a request because a database lock could not be taken in time: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "2")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                        "The service is busy and stored nothing. Send the same request again in a few seconds;"
                                + " with the same id it will be stored once."));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentEdit(OptimisticLockingFailureException e) {
        return respond(ApiProblems.of(HttpStatus.CONFLICT, "Changed by someone else",
                "Someone else changed this record while you were working on it. Reload it, check their change and try again."));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.warn("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return respond(ApiProblems.of(HttpStatus.CONFLICT, "Conflict",
                "The request clashes with data already stored (a duplicate or a value outside its allowed range). Nothing was stored."));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        var detail = "The request body is not valid JSON of the expected shape.";
        var errors = List.<FieldProblem>of();
        if (e.getCause() instanceof DatabindException databind) {
            var path = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            var message = "has the wrong type or format";
            detail = "Field '" + path + "' " + message + ".";
            errors = List.of(new FieldProblem(path, message));
        } else if (e.getMessage() != null && e.getMessage().contains("Required request body is missing")) {
            detail = "The request needs a JSON body.";
        }
        return respond(ApiProblems.invalid(detail, errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        var message = "'" + e.getValue() + "' is not a valid value";
        return respond(ApiProblems.invalid("Parameter '" + e.getName() + "': " + message + ".",
                List.of(new FieldProblem(e.getName(), message))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(ApiProblems.invalid("Parameter '" + e.getParameterName() + "' is required.",
                List.of(new FieldProblem(e.getParameterName(), "is required"))));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(ApiProblems.of(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                "This address does not accept " + e.getMethod() + "."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ApiProblems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Send the body as application/json."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(ApiProblems.of(HttpStatus.NOT_FOUND, "Not found", "There is nothing at this address."));
    }

    /** Security decisions belong to the security filters, which answer 401 and 403 as problem documents. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrow(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side and nothing was stored. Try again; if it keeps failing, tell an administrator the time of the request."));
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(Optional.of(problem.getStatus()).orElse(500))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
