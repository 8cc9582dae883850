package io.heitu.service.web;

import io.heitu.service.problem.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The edge's filters, ahead of Spring Security's chain (order -100): a refused client costs nothing more. */
@Configuration(proxyBeanMethods = false)
class EdgeFilters {

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(-300);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Duplicate keys in any JSON the service reads are refused, as the API's own text says. */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer strictDuplicates() {
        return builder -> builder.enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @Bean
    FilterRegistrationBean<RateLimits> rateLimits(RateLimitSettings settings, Problems problems) {
        FilterRegistrationBean<RateLimits> registration =
                new FilterRegistrationBean<>(new RateLimits(settings, problems));
        registration.setOrder(-200);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
