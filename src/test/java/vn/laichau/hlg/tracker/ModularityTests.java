package vn.laichau.hlg.tracker;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TrackerApplication.class);

    @Test
    void modulesDependOnlyOnWhatTheyDeclare() {
        modules.verify();
    }
}
