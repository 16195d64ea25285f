package org.ceasefire.ccm.base.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.ceasefire.ccm.base.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem documents in the one shape the API uses everywhere. */
public final class ApiProblems {

    private ApiProblems() {}

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<FieldProblem> errors) {
        var problem = of(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return problem;
    }
}
