package org.attest.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details, and writes them from filters that run outside Spring MVC. */
@Component
public class Problems {

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** A problem with the fixed detail text of its type, the request path as instance and the request id. */
    public static ProblemDetail of(ApiProblem problem, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.detail());
        body.setType(problem.type());
        body.setTitle(problem.title());
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("requestId", RequestIds.current(request));
        return body;
    }

    /** Writes a problem as the whole response; for filters and security handlers. */
    public void write(ProblemDetail body, HttpServletResponse response) throws IOException {
        response.setStatus(body.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
