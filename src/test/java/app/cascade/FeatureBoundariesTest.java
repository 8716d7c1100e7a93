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

/**
 * House style: no feature imports another feature's {@code internal} package; a feature that must react to another
 * one's work listens to its Spring application event (e.g. {@code push.PushEnded} → notifications).
 */
class FeatureBoundariesTest {

    private static final Pattern FEATURE = Pattern.compile("app\\.cascade\\.([a-z]+)(\\..*)?");
    private static final Pattern INTERNAL = Pattern.compile("app\\.cascade\\.([a-z]+)(\\.[a-z]+)*\\.internal(\\..*)?");

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.cascade");

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
        }).check(main);
    }

    private static String feature(String packageName) {
        Matcher m = FEATURE.matcher(packageName);
        return m.matches() ? m.group(1) : "";
    }
}
