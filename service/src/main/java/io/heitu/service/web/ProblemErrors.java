package io.heitu.service.web;

import io.heitu.service.problem.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error the container answers itself gets the API's shape: the {@code /error} page (what a
 * filter's or the firewall's {@code sendError} leads to) and the host's error report (what Tomcat
 * refuses before any servlet: {@link ProblemReportValve}). Controllers' errors never get here:
 * {@code ProblemAdvice} answers them.
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrors {

    @RestController
    @io.swagger.v3.oas.annotations.Hidden
    static class ErrorPage implements ErrorController {

        private final Problems problems;

        ErrorPage(Problems problems) {
            this.problems = problems;
        }

        @RequestMapping("/error")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            // Asked for directly, /error is just a path with nothing behind it.
            int status = attribute instanceof Integer code ? code : 404;
            String code = ProblemReportValve.code(status);
            ProblemDetail problem = problems.problem(code, request, null);
            problem.setStatus(status);
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (uri instanceof String path) {
                try {
                    problem.setInstance(java.net.URI.create(path));
                } catch (IllegalArgumentException notAUri) {
                    problem.setInstance(null);
                }
            }
            return ResponseEntity.status(status)
                    .contentType(Problems.PROBLEM_JSON)
                    .body(problem);
        }
    }

    /** Replaces the host's error report valve (Boot adds a plain one) with ours. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(MessageSource messages) {
        return new ProblemReports(messages);
    }

    /** Runs after Boot's own customizer, which adds its error report valve. */
    private record ProblemReports(MessageSource messages)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                var host = context.getParent();
                for (var valve : host.getPipeline().getValves()) {
                    if (valve instanceof org.apache.catalina.valves.ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof org.apache.catalina.core.StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                host.getPipeline().addValve(new ProblemReportValve(messages));
            });
        }
    }
}
