package dev.martello.marts;

import dev.martello.dsl.Asset;
import dev.martello.dsl.AssetKey;
import dev.martello.dsl.Compute;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartDefinition;
import dev.martello.dsl.MartKind;
import dev.martello.dsl.NodeKey;
import dev.martello.dsl.Owner;
import dev.martello.dsl.Source;
import dev.martello.dsl.SourceKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Keeps the demo marts buildable and consistent with each other, the workspace and the raw-source reference. */
class DemoMartsTest {
    private static final String SERVICES = "META-INF/services/" + MartDefinition.class.getName();

    private static List<String> classNames;
    private static List<Mart> marts;

    @BeforeAll
    static void defineEveryMart() throws IOException {
        classNames = registeredClassNames();
        marts = new ArrayList<>();
        for (String name : classNames) {
            marts.add(instantiate(name).define());
        }
    }

    @Test
    void everyRegisteredMartDefinesWithoutProblems() {
        assertThat(classNames).hasSizeGreaterThanOrEqualTo(7);
        for (String name : classNames) {
            assertThatCode(() -> instantiate(name).define()).as(name).doesNotThrowAnyException();
        }
    }

    @Test
    void serviceLoaderFindsTheSameMarts() {
        List<String> loaded = ServiceLoader.load(MartDefinition.class).stream()
            .map(p -> p.type().getName()).toList();
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(classNames);
    }

    @Test
    void theDemoIsBigEnoughToBeInteresting() {
        List<Asset> assets = assets();
        Set<Owner> owners = assets.stream().flatMap(a -> a.owners().stream()).collect(Collectors.toSet());
        assertThat(assets).hasSizeGreaterThanOrEqualTo(25);
        assertThat(owners).hasSizeGreaterThanOrEqualTo(3);
        assertThat(owners).anyMatch(o -> !o.isTeam());
        assertThat(marts).extracting(Mart::kind).contains(MartKind.APPLICATION, MartKind.INTEGRATED, MartKind.PROJECT);
        assertThat(assets).anyMatch(a -> a.compute() instanceof Compute.Java);
        assertThat(assets).anyMatch(Asset::isPartitioned);
    }

    @Test
    void everyUpstreamIsDeclaredBySomeMart() {
        Set<NodeKey> declared = new HashSet<>();
        marts.forEach(m -> m.sources().forEach(s -> declared.add(s.key())));
        assets().forEach(a -> declared.add(a.key()));
        List<String> unknown = new ArrayList<>();
        for (Asset a : assets()) {
            for (NodeKey up : a.upstreams()) {
                if (!declared.contains(up)) {
                    unknown.add(a.key() + " reads " + up);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void keysAreDeclaredOnceWorkspaceWide() {
        Map<NodeKey, List<String>> where = new HashMap<>();
        for (Mart m : marts) {
            m.sources().forEach(s -> where.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(m.name()));
            m.assets().forEach(a -> where.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(m.name()));
        }
        assertThat(where).allSatisfy((key, in) -> assertThat(in).as(key.toString()).hasSize(1));
    }

    @Test
    void everyMartAssetAndSourceIsDescribedAndOwned() {
        for (Mart m : marts) {
            assertThat(m.description()).as("mart " + m.name()).isNotBlank();
            assertThat(m.owners()).as("mart " + m.name()).isNotEmpty();
            m.sources().forEach(s -> assertThat(s.description()).as(s.key().toString()).isNotBlank());
            m.sources().forEach(s -> assertThat(s.loadedAtColumn()).as(s.key().toString()).isEqualTo("_loaded_at"));
            m.assets().forEach(a -> assertThat(a.description()).as(a.key().toString()).isNotBlank());
        }
    }

    /** A quick stand-in for the core validator's mart rules, stated on the DSL alone. */
    @Test
    void theDemoWorkspaceLoadsEveryMart() throws IOException {
        String yaml = Files.readString(Path.of("..", "workspaces", "demo", "workspace.yaml"));
        List<String> listed = yaml.lines().map(String::strip)
            .filter(l -> l.startsWith("- dev.martello.marts."))
            .map(l -> l.substring(2).strip()).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(classNames);
    }

    @Test
    void everySourceIsDocumentedForTheDemoDataGenerator() throws IOException {
        String doc = Files.readString(Path.of("RAW_SOURCES.md"));
        Set<String> missing = new TreeSet<>();
        for (Mart m : marts) {
            for (Source s : m.sources()) {
                if (!doc.contains("### " + s.key()) || !doc.contains("create table " + s.key() + " (")) {
                    missing.add(s.key().toString());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Asset> assets() {
        return marts.stream().flatMap(m -> m.assets().stream()).toList();
    }

    private static List<String> registeredClassNames() throws IOException {
        try (InputStream in = DemoMartsTest.class.getClassLoader().getResourceAsStream(SERVICES)) {
            assertThat(in).as(SERVICES).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private static MartDefinition instantiate(String className) {
        try {
            return (MartDefinition) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate " + className, e);
        }
    }
}
