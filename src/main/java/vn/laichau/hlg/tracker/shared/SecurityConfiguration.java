package vn.laichau.hlg.tracker.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.time.Clock;
import java.time.Duration;

/**
 * Form login, CSRF on every form, and headers that forbid inline scripts and styles, framing and
 * content sniffing.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String[] PUBLIC_PATHS = {
            "/plan", "/plan/**", "/login", "/actuator/health", "/error",
            "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico"
    };

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Clock clock,
                                            @Value("${app.security.admin-second-factor-required:true}") boolean adminSecondFactor,
                                            @Value("${app.security.sign-in-attempts-per-address:30}") int attemptsPerAddress,
                                            @Value("${app.security.session-absolute-timeout:12h}") Duration absoluteTimeout)
            throws Exception {
        http
                // Coarse rules by role; every service still checks the user's scope (agency or unit).
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/admin/periods", "/admin/periods/**").hasAnyRole("ADMIN", "PROVINCE_REVIEWER")
                        .requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .requestMatchers("/review", "/review/**", "/editions", "/editions/**", "/difficulties", "/difficulties/**").hasAnyRole("PROVINCE_REVIEWER", "DISTRICT_REVIEWER")
                        // Viewers read an agency's obligations from the dashboard; only reviewers remind it.
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/dashboard/agencies/*/remind")
                        .hasAnyRole("PROVINCE_REVIEWER", "DISTRICT_REVIEWER")
                        .requestMatchers("/dashboard", "/dashboard/**", "/exports/**")
                        .hasAnyRole("PROVINCE_REVIEWER", "DISTRICT_REVIEWER", "VIEWER")
                        .requestMatchers("/reports", "/reports/**")
                        .hasAnyRole("REPORTER", "PROVINCE_REVIEWER", "DISTRICT_REVIEWER", "VIEWER")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(new SignInSuccessHandler())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .permitAll())
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new ExpiredSessionAwareAccessDeniedHandler()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .addFilterBefore(new SignInRateLimitFilter(attemptsPerAddress), CsrfFilter.class)
                .addFilterBefore(new SessionLifetimeFilter(absoluteTimeout, clock), CsrfFilter.class)
                .addFilterBefore(new AccountGateFilter(adminSecondFactor), AuthorizationFilter.class);
        return http.build();
    }

    /** Bcrypt (strength 10) through Spring Security's delegating encoder, so that the scheme can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
