package dev.martello.core.graph.rules;

import dev.martello.core.graph.AssetGraph;
import dev.martello.dsl.Asset;
import dev.martello.dsl.Mart;
import dev.martello.dsl.MartKind;
import dev.martello.dsl.Problem;
import dev.martello.dsl.Source;
import dev.martello.dsl.SourceKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The five mart rules of the product brief: application marts read only their producer's sources and their own
 * assets; integrated marts read sources and exposed assets of application and integrated marts; nothing outside a
 * project mart depends on it; cross-mart reads only of exposed assets; every mart has an owner.
 */
public final class MartRules implements GraphRule {

    @Override
    public void check(AssetGraph graph, List<Problem> out) {
        Map<String, String> producers = new HashMap<>();
        for (Mart m : graph.marts()) {
            if (m.owners().isEmpty()) {
                out.add(new Problem("mart-owner", "mart '" + m.name() + "'", m.location(),
                    "Mart '" + m.name() + "' has no owner.",
                    "Add .owner(\"team:<name>\") or an e-mail address; every mart is owned."));
            }
            if (m.kind() == MartKind.APPLICATION) {
                producers.put(m.name(), producer(m, out));
            }
        }
        for (int i = 0; i < graph.size(); i++) {
            Asset a = graph.asset(i);
            if (a == null) {
                continue;
            }
            Mart mine = graph.martOf(i);
            for (int u : graph.upstream(i)) {
                if (graph.source(u) != null) {
                    checkSourceRead(a, mine, graph.source(u).key(), producers, out);
                } else {
                    checkAssetRead(a, mine, graph.asset(u), graph.martOf(u), out);
                }
            }
        }
    }

    /** The producer schema of an application mart: stated, or the one schema of its sources. */
    private static String producer(Mart m, List<Problem> out) {
        TreeSet<String> schemas = new TreeSet<>();
        for (Source s : m.sources()) {
            schemas.add(s.key().schema());
        }
        if (m.producer() != null) {
            schemas.remove(m.producer());
            if (!schemas.isEmpty()) {
                out.add(new Problem("application-mart-reads", "mart '" + m.name() + "'", m.location(),
                    "Application mart '" + m.name() + "' of producer '" + m.producer() + "' declares sources of "
                        + String.join(", ", schemas) + ".",
                    "Declare each source in the application mart of its own producer."));
            }
            return m.producer();
        }
        if (schemas.size() > 1) {
            out.add(new Problem("application-mart-reads", "mart '" + m.name() + "'", m.location(),
                "Application mart '" + m.name() + "' declares sources of several producers (" + String.join(", ", schemas)
                    + "); an application mart exposes the data of one producer.",
                "Declare .producer(\"<schema>\") and move the other sources to their producer's application mart."));
            return null;
        }
        return schemas.isEmpty() ? null : schemas.first();
    }

    private static void checkSourceRead(Asset a, Mart mine, SourceKey source, Map<String, String> producers,
                                        List<Problem> out) {
        if (mine.kind() != MartKind.APPLICATION) {
            return;
        }
        String producer = producers.get(mine.name());
        if (producer == null) {
            out.add(new Problem("application-mart-reads", a.key().toString(), a.location(),
                "Asset '" + a.key() + "' of application mart '" + mine.name() + "' reads source '" + source
                    + "', but the mart names no producer.",
                "Declare .producer(\"" + source.schema() + "\") on mart '" + mine.name() + "'."));
        } else if (!producer.equals(source.schema())) {
            out.add(new Problem("application-mart-reads", a.key().toString(), a.location(),
                "Asset '" + a.key() + "' of application mart '" + mine.name() + "' reads source '" + source
                    + "' of producer '" + source.schema() + "', but an application mart reads only its own producer '"
                    + producer + "'.",
                "Read it in an integrated mart, or in the application mart of producer '" + source.schema() + "'."));
        }
    }

    private static void checkAssetRead(Asset a, Mart mine, Asset up, Mart theirs, List<Problem> out) {
        if (theirs.name().equals(mine.name())) {
            return;
        }
        if (theirs.kind() == MartKind.PROJECT) {
            out.add(new Problem("project-mart-private", a.key().toString(), a.location(),
                "Asset '" + a.key() + "' of " + mine.kind().label() + " mart '" + mine.name() + "' reads '" + up.key()
                    + "' of project mart '" + theirs.name() + "'; nothing outside a project mart may depend on it.",
                "Move '" + up.key() + "' into an integrated mart, or '" + a.key() + "' into mart '" + theirs.name()
                    + "'."));
        } else if (mine.kind() == MartKind.APPLICATION) {
            out.add(new Problem("application-mart-reads", a.key().toString(), a.location(),
                "Asset '" + a.key() + "' of application mart '" + mine.name() + "' reads '" + up.key() + "' of mart '"
                    + theirs.name() + "'; an application mart reads only its producer's sources and its own assets.",
                "Move '" + a.key() + "' to an integrated mart."));
        } else if (!up.exposed()) {
            out.add(new Problem("private-asset", a.key().toString(), a.location(),
                "Asset '" + a.key() + "' reads '" + up.key() + "', which is private to mart '" + theirs.name() + "'.",
                "Mark it .exposed() in mart '" + theirs.name() + "' if it belongs to the mart's public interface,"
                    + " or read one of its exposed assets."));
        }
    }
}
