package io.heitu.service.epcis;

import io.heitu.service.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The web settings the EPCIS bindings need and nothing else does. Resource members are URIs that
 * clients percent-encode into one path segment ({@code /events/ni%3A%2F%2F%2Fsha-256%3B…},
 * {@code /epcs/https%3A%2F%2Fid.gs1.org%2F01%2F…}): Tomcat passes encoded slashes through instead
 * of answering its own HTML 400, and under {@code /epcis} only the firewall lets encoded slashes,
 * percents and semicolons by; every other path keeps Spring Security's strict defaults.
 */
@Configuration(proxyBeanMethods = false)
class EpcisWebConfig {

    @Bean
    FilterRegistrationBean<EpcisRequestFilter> epcisRequestFilter(EpcisSettings settings, Problems problems) {
        FilterRegistrationBean<EpcisRequestFilter> registration =
                new FilterRegistrationBean<>(new EpcisRequestFilter(settings, problems));
        registration.addUrlPatterns("/epcis", "/epcis/*");
        // Before Spring Security (-100): 401s and 403s carry the GS1 headers too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    TomcatConnectorCustomizer encodedSlashesPassThrough() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    @Bean
    WebSecurityCustomizer epcisFirewall(Problems problems) {
        StrictHttpFirewall strict = new StrictHttpFirewall();
        StrictHttpFirewall members = new StrictHttpFirewall();
        members.setAllowUrlEncodedSlash(true);
        members.setAllowUrlEncodedDoubleSlash(true);
        members.setAllowUrlEncodedPercent(true);
        members.setAllowSemicolon(true);
        HttpFirewall firewall = new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
                return (isEpcis(request) ? members : strict).getFirewalledRequest(request);
            }

            @Override
            public jakarta.servlet.http.HttpServletResponse getFirewalledResponse(
                    jakarta.servlet.http.HttpServletResponse response) {
                return strict.getFirewalledResponse(response);
            }
        };
        HttpStatusRequestRejectedHandler elsewhere = new HttpStatusRequestRejectedHandler();
        return web -> web.httpFirewall(firewall).requestRejectedHandler((request, response, rejected) -> {
            if (isEpcis(request)) {
                problems.write(
                        response, problems.problem("MALFORMED_REQUEST", request, "the request URI is not allowed"));
            } else {
                elsewhere.handle(request, response, rejected);
            }
        });
    }

    private static boolean isEpcis(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + "/epcis/";
        return uri != null && uri.startsWith(prefix);
    }
}
