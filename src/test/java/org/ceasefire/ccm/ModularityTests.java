package org.ceasefire.ccm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The application modules keep to their declared dependencies, and their diagrams are written for the docs. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void the_modules_exist_as_declared() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("agreement", "base", "security", "reporting", "dashboard", "briefing");
    }

    @Test
    void the_modules_keep_to_their_allowed_dependencies_and_have_no_cycles() {
        modules.verify();
    }

    @Test
    void writes_the_module_diagrams() throws Exception {
        new Documenter(modules).writeModulesAsPlantUml();

        try (var files = Files.list(Path.of("target/spring-modulith-docs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".puml"));
        }
    }
}
