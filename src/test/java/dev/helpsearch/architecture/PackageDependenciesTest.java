package dev.helpsearch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way flow of ARCHITECTURE.md, checked on the compiled service: files, articles, index,
 * search, HTTP, with the command line as the only place that joins them.
 */
class PackageDependenciesTest {

    private static JavaClasses service;

    @BeforeAll
    static void importTheService() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.helpsearch");
    }

    @Test
    void eachStageUsesOnlyTheStagesBeforeIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("markdown")
                .definedBy("dev.helpsearch.article.markdown..")
                .layer("article")
                .definedBy("dev.helpsearch.article")
                .layer("text")
                .definedBy("dev.helpsearch.text..")
                .layer("semantic")
                .definedBy("dev.helpsearch.semantic..")
                .layer("index")
                .definedBy("dev.helpsearch.index..")
                .layer("search")
                .definedBy("dev.helpsearch.search..")
                .layer("insights")
                .definedBy("dev.helpsearch.insights..")
                .layer("app")
                .definedBy("dev.helpsearch.app..")
                .layer("http")
                .definedBy("dev.helpsearch.http..")
                .layer("eval")
                .definedBy("dev.helpsearch.eval..")
                .layer("corpus")
                .definedBy("dev.helpsearch.corpus..")
                .layer("cli")
                .definedBy("dev.helpsearch.cli..")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("http")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("app")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("insights")
                .mayOnlyBeAccessedByLayers("http", "cli")
                .whereLayer("eval")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("corpus")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("search")
                .mayOnlyBeAccessedByLayers("http", "eval", "app", "cli")
                .whereLayer("index")
                .mayOnlyBeAccessedByLayers("search", "app", "cli")
                .whereLayer("text")
                .mayOnlyBeAccessedByLayers("index", "search", "insights")
                .whereLayer("semantic")
                .mayOnlyBeAccessedByLayers("index", "search", "app", "cli")
                .whereLayer("article")
                .mayOnlyBeAccessedByLayers("index", "search", "http", "corpus", "app", "cli")
                .check(service);
    }

    @Test
    void theHttpLayerNeverReachesTheIndexerOrLucene() {
        noClasses()
                .that()
                .resideInAPackage("dev.helpsearch.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.helpsearch.index..", "org.apache.lucene..")
                .check(service);
    }

    @Test
    void theSearchCoreKnowsNothingOfHttp() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.helpsearch.search..", "dev.helpsearch.index..", "dev.helpsearch.article..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
                .check(service);
    }

    @Test
    void insightsAreRecordedWithoutKnowingTheIndexOrHttp() {
        noClasses()
                .that()
                .resideInAPackage("dev.helpsearch.insights..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.helpsearch.article..",
                        "dev.helpsearch.index..",
                        "dev.helpsearch.search..",
                        "dev.helpsearch.http..",
                        "dev.helpsearch.cli..",
                        "io.javalin..",
                        "org.apache.lucene.index..",
                        "org.apache.lucene.search..",
                        "org.apache.lucene.store..")
                .check(service);
    }

    /**
     * The query's way through the search core, in one direction: what the user typed is understood
     * (query), turned into a Lucene query (build), ranked (rank) and shown (results); each stage
     * uses only the ones before it and the shared base (core: the snapshot, the knobs, the records),
     * and only the facade (HelpSearch and its request and result records) sees them all.
     */
    @Test
    void theSearchStagesRunOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("core")
                .definedBy("dev.helpsearch.search.core..")
                .layer("query")
                .definedBy("dev.helpsearch.search.query..")
                .layer("build")
                .definedBy("dev.helpsearch.search.build..")
                .layer("rank")
                .definedBy("dev.helpsearch.search.rank..")
                .layer("results")
                .definedBy("dev.helpsearch.search.results..")
                .layer("facade")
                .definedBy("dev.helpsearch.search")
                .whereLayer("facade")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("results")
                .mayOnlyBeAccessedByLayers("facade")
                .whereLayer("rank")
                .mayOnlyBeAccessedByLayers("results", "facade")
                .whereLayer("build")
                .mayOnlyBeAccessedByLayers("rank", "results", "facade")
                .whereLayer("query")
                .mayOnlyBeAccessedByLayers("build", "rank", "results", "facade")
                .whereLayer("core")
                .mayOnlyBeAccessedByLayers("query", "build", "rank", "results", "facade")
                .check(service);
    }

    @Test
    void theSearchStagesHaveNoCycles() {
        slices().matching("dev.helpsearch.search.(*)..")
                .should()
                .beFreeOfCycles()
                .check(service);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.helpsearch.(*)..").should().beFreeOfCycles().check(service);
    }
}
