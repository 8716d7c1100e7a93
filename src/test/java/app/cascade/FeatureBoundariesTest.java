package app.cascade;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * House style: the packages under {@code app.cascade} (features, and the shared {@code grading} vocabulary and
 * {@code tables} writer) depend on each other without cycles, and no feature imports another feature's
 * {@code internal} package. A feature that must react to another one's work listens to its Spring application event
 * (e.g. {@code push.PushEnded} → notifications); a screen that offers another feature's action declares a seam that
 * feature implements (e.g. {@code catalog.ui.PushToCourses}).
 */
class FeatureBoundariesTest {

    private static final Pattern FEATURE = Pattern.compile("app\\.cascade\\.([a-z]+)(\\..*)?");
    private static final Pattern INTERNAL = Pattern.compile("app\\.cascade\\.([a-z]+)(\\.[a-z]+)*\\.internal(\\..*)?");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.cascade");

    @Test
    void the_features_depend_on_each_other_without_cycles() {
        slices().matching("app.cascade.(*)..").namingSlices("$1").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void the_grading_vocabulary_depends_on_nothing_but_java() {
        noClasses().that().resideInAPackage("app.cascade.grading..")
                .should().dependOnClassesThat().resideOutsideOfPackages("app.cascade.grading..", "java..")
                .check(MAIN);
    }

    @Test
    void no_feature_depends_on_another_features_internal_package() {
        classes().should(new ArchCondition<JavaClass>("depend on no other feature's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = feature(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Matcher internal = INTERNAL.matcher(dependency.getTargetClass().getPackageName());
                    if (internal.matches() && !internal.group(1).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        }).check(MAIN);
    }

    private static String feature(String packageName) {
        Matcher m = FEATURE.matcher(packageName);
        return m.matches() ? m.group(1) : "";
    }
}
