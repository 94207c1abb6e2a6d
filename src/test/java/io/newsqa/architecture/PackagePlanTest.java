package io.newsqa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The package plan of docs/architecture.md, checked on the compiled product classes. */
@AnalyzeClasses(packages = "io.newsqa", importOptions = ImportOption.DoNotIncludeTests.class)
class PackagePlanTest {

    /** Every package may be read on its own: dependencies between packages flow one way. */
    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("io.newsqa.(**)").should().beFreeOfCycles();

    /** HTTP endpoints live under web/ (the Telegram webhook is the bot's own, under telegram/). */
    @ArchTest
    static final ArchRule controllersLiveUnderWeb = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(Controller.class)
            .should()
            .resideInAnyPackage("io.newsqa.web..", "io.newsqa.telegram..");
}
