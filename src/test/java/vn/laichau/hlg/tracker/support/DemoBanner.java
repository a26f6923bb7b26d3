package vn.laichau.hlg.tracker.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.util.Map;

/**
 * Shows the demo banner ({@code app.demo=true}, read by the layout on every page) during each test of
 * the class that registers it, on the shared test context, and takes it away afterwards, so that a test
 * about the banner needs no context of its own: {@code @RegisterExtension static final DemoBanner demo = new DemoBanner();}
 */
public final class DemoBanner implements BeforeEachCallback, AfterEachCallback {

    private static final String SOURCE = "demoBannerForTests";

    @Override
    public void beforeEach(ExtensionContext context) {
        environment(context).getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of("app.demo", "true")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        environment(context).getPropertySources().remove(SOURCE);
    }

    private static ConfigurableEnvironment environment(ExtensionContext context) {
        return (ConfigurableEnvironment) SpringExtension.getApplicationContext(context).getEnvironment();
    }
}
