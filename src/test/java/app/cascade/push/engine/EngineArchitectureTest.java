package app.cascade.push.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The push engine is plain Java: records in, a plan out. No framework may creep in, and of Cascade it knows only the
 * shared grading vocabulary.
 */
class EngineArchitectureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.cascade.push.engine");

    @Test
    void the_engine_imports_no_vaadin_jobrunr_jpa_spring_or_jdbc() {
        noClasses().that().resideInAPackage("app.cascade.push.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.jobrunr..",
                        "jakarta.persistence..", "org.hibernate..", "org.springframework..", "java.sql..",
                        "javax.sql..")
                .check(engine);
    }

    @Test
    void the_engine_depends_only_on_java_and_the_grading_vocabulary() {
        noClasses().that().resideInAPackage("app.cascade.push.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("app.cascade.push.engine..",
                        "app.cascade.grading..", "java..")
                .check(engine);
    }
}
