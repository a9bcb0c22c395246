package dev.martello.dsl;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The DSL is what analysts compile against: it depends on the JDK and nothing else. */
class ModuleBoundaryTest {
    private final JavaClasses dsl = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.martello.dsl");

    @Test
    void theDslDependsOnlyOnTheJdk() {
        classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.martello.dsl..", "java..")
            .because("analysts compile marts against the DSL alone; jOOQ, Quartz, Javalin and core stay out of it")
            .check(dsl);
    }

    @Test
    void theDslDoesNoIoBeyondReadingSqlResourcesAndStartsNoThreads() {
        classes().should().onlyDependOnClassesThat()
            .resideOutsideOfPackages("java.net..", "java.nio.file..", "java.util.concurrent..", "java.lang.reflect..")
            .check(dsl);
    }
}
