package vn.laichau.hlg.tracker.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on real PostgreSQL, on a real port and through MockMvc: one cached context and
 * one database for every integration test and browser journey of the test JVM. A test class adds no
 * properties, profiles, mocks or configuration of its own (each would start another context and migrate
 * again); what a test must switch for itself it switches at run time and restores (see
 * {@code ServerWebIntegrationTests}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface IntegrationTest {
}
