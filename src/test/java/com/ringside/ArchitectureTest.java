package com.ringside;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of the package map, kept by the build rather than by memory. */
@AnalyzeClasses(packages = "com.ringside", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("concurrent").definedBy("com.ringside.concurrent..")
            .layer("domain").definedBy("com.ringside.domain..")
            .layer("policy").definedBy("com.ringside.policy..")
            .layer("identity").definedBy("com.ringside.identity..")
            .layer("wire").definedBy("com.ringside.wire..")
            .layer("cache").definedBy("com.ringside.cache..")
            .layer("sync").definedBy("com.ringside.sync..")
            .layer("cti").definedBy("com.ringside.cti..")
            .layer("ingest").definedBy("com.ringside.ingest..")
            .layer("demo").definedBy("com.ringside.demo..")
            .layer("server").definedBy("com.ringside.server..")
            .layer("desktop").definedBy("com.ringside.desktop..")
            .layer("entry").definedBy("com.ringside.app..", "com.ringside.cli..")
            .whereLayer("entry").mayNotBeAccessedByAnyLayer()
            .whereLayer("concurrent").mayNotAccessAnyLayer()
            .whereLayer("desktop").mayOnlyBeAccessedByLayers("entry")
            .whereLayer("server").mayOnlyBeAccessedByLayers("entry")
            .whereLayer("demo").mayOnlyBeAccessedByLayers("entry", "desktop", "server")
            .whereLayer("sync").mayOnlyBeAccessedByLayers("entry", "desktop", "server")
            .whereLayer("cache").mayOnlyBeAccessedByLayers("entry", "desktop", "sync", "demo", "server")
            .whereLayer("ingest").mayOnlyBeAccessedByLayers("entry", "server")
            .whereLayer("cti").mayOnlyBeAccessedByLayers("entry", "desktop")
            .whereLayer("wire").mayOnlyBeAccessedByLayers("entry", "desktop", "server", "sync", "cache")
            .whereLayer("policy").mayOnlyBeAccessedByLayers("entry", "desktop", "server", "sync", "identity")
            .whereLayer("identity").mayOnlyBeAccessedByLayers("entry", "desktop", "server", "cache", "ingest", "sync", "demo")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noCycles = slices().matching("com.ringside.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule javaFxOnlyInTheDesk = noClasses().that().resideOutsideOfPackages("com.ringside.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                    "org.kordamp.ikonli..");

    @ArchTest
    static final ArchRule domainAndPolicyDoNoIo = noClasses().that().resideInAnyPackage("com.ringside.domain..",
                    "com.ringside.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "java.nio.file..",
                    "java.io..", "javax.sql..", "org.sqlite..", "com.fasterxml.jackson..", "org.slf4j..");

    @ArchTest
    static final ArchRule theDeskNeverTouchesJdbcOrHttp = noClasses().that().resideInAPackage("com.ringside.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..",
                    "com.ringside.server..");

    @ArchTest
    static final ArchRule domainUsesOnlyTheJdk = noClasses().that().resideInAPackage("com.ringside.domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("com.ringside.domain..", "java..");
}
