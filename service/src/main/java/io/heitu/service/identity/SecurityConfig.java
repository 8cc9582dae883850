package io.heitu.service.identity;

import io.heitu.service.problem.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. The API takes HTTP Basic or personal bearer tokens and keeps no session; pages
 * use form login (the web app under {@code /app}, CSRF on); consumers' pages, the key set, API docs and health need no account. The EPCIS
 * 2.0 interface ({@code /epcis}) is an API like the rest: events name parties and quantities, so
 * its queries need an account too. Roles are
 * enforced again by the chaincode, which trusts only the certificate that signs each transaction.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    UserDetailsService userDetailsService(Identities identities) {
        return username -> identities
                .user(username)
                .map(SignedInUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** Every password check: bcrypt once, then a minute's memory of it ({@link CachedPasswordCheck}). */
    @Bean
    AuthenticationProvider passwordCheck(UserDetailsService users, PasswordEncoder passwords) {
        return new CachedPasswordCheck(users, passwords);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Identities identities, Problems problems, LoginThrottle throttle)
            throws Exception {
        return http.securityMatcher("/api/**", "/epcis/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new LoginThrottle.Gate(throttle, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(identities), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/public/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }

    /**
     * Back to the sign-in page with {@code ?error}, keeping the user name that was tried (in the
     * session, for the login page to show once), so a mistyped password costs only the password.
     */
    private static void loginFailed(
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException failure)
            throws java.io.IOException {
        String username = request.getParameter("username");
        if (username != null && username.length() <= 64) {
            request.getSession().setAttribute("heitu.login.username", username.strip());
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /**
     * The actuator: health says UP or DOWN to anyone (a load balancer's probe) and its details only
     * to admins; Prometheus scrapes with its own account ({@code heitu.metrics.username} and
     * {@code .password}, none by default: then only admins may read metrics).
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuator(
            HttpSecurity http,
            Problems problems,
            LoginThrottle throttle,
            UserDetailsService users,
            PasswordEncoder passwords,
            MetricsScraper scraper,
            AuthenticationEventPublisher events)
            throws Exception {
        // Its own manager (the scraper's account besides users'), publishing failures so the
        // sign-in throttle counts them here too.
        ProviderManager manager =
                new ProviderManager(scraper.provider(passwords), new CachedPasswordCheck(users, passwords));
        manager.setAuthenticationEventPublisher(events);
        return http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new LoginThrottle.Gate(throttle, problems), BasicAuthenticationFilter.class)
                .authenticationManager(
                        new ProviderManager(scraper.provider(passwords), new CachedPasswordCheck(users, passwords)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyRole(MetricsScraper.ROLE, "ADMIN")
                        .anyRequest()
                        .hasRole("ADMIN"))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, Problems problems) throws Exception {
        return http.addFilterBefore(
                        new LoginThrottle.Gate(throttle, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/01/**",
                                "/.well-known/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/robots.txt",
                                "/error",
                                "/login")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // The web app's own zh/en login page; after signing in, the "my lots" dashboard.
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/app", false)
                        .failureHandler(SecurityConfig::loginFailed)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }
}
