package io.newsqa.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * The product's package plan ({@link PackagePlanTest}) over the product and the tools together: the
 * tools' packages join the one-way flow without a cycle through the product's.
 */
@AnalyzeClasses(
        packages = "io.newsqa",
        importOptions = {ImportOption.DoNotIncludeTests.class, ToolsPackagePlanTest.NotTheProductsTests.class})
class ToolsPackagePlanTest {

    @ArchTest
    static final ArchTests productPlan = ArchTests.in(PackagePlanTest.class);

    /** The product's test support arrives as a jar, which {@link ImportOption.DoNotIncludeTests} does not recognise. */
    public static final class NotTheProductsTests implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
