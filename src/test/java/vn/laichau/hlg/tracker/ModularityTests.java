package vn.laichau.hlg.tracker;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    /** Where the documentation is written; {@code docs/modules} keeps the copy committed with the code. */
    static final String DOCUMENTATION = "target/spring-modulith-docs";

    private final ApplicationModules modules = ApplicationModules.of(TrackerApplication.class);

    @Test
    void modulesDependOnlyOnWhatTheyDeclare() {
        modules.verify();
    }

    /**
     * The modules' diagrams (PlantUML: all modules, and each with its neighbours), written by Spring
     * Modulith. Copy them to {@code docs/modules} when a module or a dependency changes:
     * {@code cp target/spring-modulith-docs/*.puml docs/modules/}.
     */
    @Test
    void theModulesAreDocumented() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        // The overview leaves out a module without dependencies either way (admin); each has a diagram of its own.
        assertThat(Files.readString(Path.of(DOCUMENTATION, "components.puml")))
                .contains("\"Report\"", "\"Period\"", "\"Dashboard\"", "\"Export\"", "\"Shared\"");
        for (ApplicationModule module : modules) {
            assertThat(Path.of(DOCUMENTATION, "module-" + module.getIdentifier() + ".puml"))
                    .as("the diagram of " + module.getDisplayName()).exists();
        }
    }
}
