package io.heitu.service.consumer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Sends Digital Link paths straight to the resolver. Spring MVC finds a path with variables by
 * testing it against every mapping in turn (the actuator's, then the API's), which cost a scan
 * more than the resolver's own work; scans are the one request that comes by the thousand, so
 * they skip that search. The
 * controller keeps its {@code @GetMapping} for the API docs and as the fallback.
 */
@Configuration(proxyBeanMethods = false)
class ResolverMapping {

    @Bean
    HandlerMapping resolverHandlerMapping(ResolverController controller) throws NoSuchMethodException {
        HandlerMethod resolve = new HandlerMethod(
                controller,
                ResolverController.class.getDeclaredMethod(
                        "resolve", HttpServletRequest.class, String.class, String.class, String.class));
        AbstractHandlerMapping mapping = new AbstractHandlerMapping() {
            @Override
            protected Object getHandlerInternal(HttpServletRequest request) {
                String method = request.getMethod();
                boolean read = "GET".equals(method) || "HEAD".equals(method);
                return read && request.getRequestURI().startsWith("/01/") ? resolve : null;
            }
        };
        // First of all: the actuator's mappings (-100) would also search their patterns for every scan.
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }
}
