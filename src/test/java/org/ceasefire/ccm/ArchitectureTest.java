package org.ceasefire.ccm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Layering inside the modules: UI, web and domain code keep their places. Plain JUnit over ArchUnit's core API. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ceasefire.ccm");
    }

    @Test
    void ui_code_never_uses_domain_entities_or_repositories_directly() {
        noClasses().that().resideInAPackage("org.ceasefire.ccm..ui..")
                .should().dependOnClassesThat().resideInAPackage("org.ceasefire.ccm..domain..")
                .because("views go through the module's services and read models, never its entities or repositories")
                .check(classes);
    }

    @Test
    void domain_code_never_depends_on_ui_or_web_code() {
        noClasses().that().resideInAPackage("org.ceasefire.ccm..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..ui..", "..web..", "com.vaadin..")
                .because("the domain knows nothing of how it is shown or served")
                .check(classes);
    }

    @Test
    void only_web_packages_use_spring_web_annotations() {
        noClasses().that().resideOutsideOfPackage("org.ceasefire.ccm..web..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.web.bind.annotation..")
                .because("HTTP controllers and their advice live in the modules' web packages")
                .check(classes);
    }

    @Test
    void controllers_live_in_web_packages() {
        classes().that().areAnnotatedWith(RestController.class)
                .or().areAnnotatedWith(Controller.class)
                .or().areAnnotatedWith(RestControllerAdvice.class)
                .or().areAnnotatedWith(ControllerAdvice.class)
                .should().resideInAPackage("org.ceasefire.ccm..web..")
                .check(classes);
    }

    @Test
    void every_view_says_who_may_open_it() {
        classes().that().areAssignableTo(Component.class).and().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .because("Vaadin denies a view without an access annotation, and the intent should be explicit")
                .check(classes);
    }

    @Test
    void views_live_in_ui_packages() {
        classes().that().areAssignableTo(Component.class).and().areAnnotatedWith(Route.class)
                .should().resideInAPackage("org.ceasefire.ccm..ui..")
                .check(classes);
    }
}
