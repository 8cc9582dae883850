package io.heitu.service.consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Consumers' pages are public, read-only and anonymous: the resolver, the scan form and the evidence
 * files the pages show get a chain
 * of their own with no session, no saved request and no CSRF token (they take only GETs; the photo
 * upload posts to the public API), and keep the security headers. Scans come by the thousand, so
 * they should cost no more than the API's public endpoints.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain consumerChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/01/**", "/scan", "/scan/**", "/evidence/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
