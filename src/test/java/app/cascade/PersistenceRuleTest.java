package app.cascade;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One persistence rule (docs/decisions/0020-one-persistence-rule.md): every read and write is SQL through Spring's
 * JDBC templates on the transaction's connection. No production class maps an entity, uses an
 * {@code EntityManager} or declares a Spring Data repository; Hibernate is only the tenant binding.
 */
class PersistenceRuleTest {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.cascade");

    @Test
    void no_production_class_uses_jpa_or_a_spring_data_repository() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.springframework.data..")
                .check(main);
    }

    @Test
    void only_the_tenant_binding_depends_on_hibernate() {
        noClasses().that().resideOutsideOfPackage("app.cascade.tenancy.internal..")
                .should().dependOnClassesThat(resideInAPackage("org.hibernate..")
                        .and(not(resideInAnyPackage("org.hibernate.exception.."))))
                .because("Hibernate only opens each transaction's connection in the district's schema; elsewhere"
                        + " at most its connection exceptions are recognised (api.internal.ServerErrors)")
                .check(main);
    }
}
