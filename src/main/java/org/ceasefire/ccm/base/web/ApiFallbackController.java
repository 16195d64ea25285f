package org.ceasefire.ccm.base.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.ceasefire.ccm.base.NotFoundException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An address under {@code /api/} that no endpoint serves is a 404 problem, not the web app's page: without this, the
 * UI's catch-all route would answer it with HTML and a 200, which a field client would take for success.
 */
@RestController
@Hidden
class ApiFallbackController {

    @RequestMapping("/api/**")
    Object none(HttpServletRequest request) {
        throw new NotFoundException("There is nothing at " + request.getMethod() + " " + request.getRequestURI()
                + ". The API is described at /v3/api-docs.");
    }
}
