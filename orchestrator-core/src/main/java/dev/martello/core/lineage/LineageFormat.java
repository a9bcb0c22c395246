package dev.martello.core.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The formats {@code martello lineage} prints: plain text, JSON, Graphviz dot and Mermaid. */
public enum LineageFormat {
    TEXT {
        @Override
        public String render(Lineage lineage) {
            Map<String, List<String>> reads = upstreamsByNode(lineage);
            StringBuilder out = new StringBuilder();
            for (Lineage.Node n : lineage.nodes()) {
                out.append(n.key()).append(" [").append(n.kind()).append(", ").append(n.mart()).append(']');
                List<String> ups = reads.getOrDefault(n.key(), List.of());
                if (!ups.isEmpty()) {
                    out.append(" <- ").append(String.join(", ", ups));
                }
                out.append('\n');
            }
            return out.toString();
        }
    },
    JSON {
        private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        @Override
        public String render(Lineage lineage) {
            try {
                return mapper.writeValueAsString(lineage) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("lineage records always serialize", e);
            }
        }
    },
    DOT {
        @Override
        public String render(Lineage lineage) {
            StringBuilder out = new StringBuilder("digraph lineage {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
            Map<String, List<Lineage.Node>> byMart = byMart(lineage);
            byMart.forEach((mart, nodes) -> {
                out.append("  subgraph \"cluster_").append(mart).append("\" {\n    label=\"").append(mart).append("\";\n");
                for (Lineage.Node n : nodes) {
                    out.append("    \"").append(n.key()).append("\"")
                        .append(n.type().equals("source") ? " [shape=cylinder]" : "").append(";\n");
                }
                out.append("  }\n");
            });
            for (Lineage.Edge e : lineage.edges()) {
                out.append("  \"").append(e.from()).append("\" -> \"").append(e.to()).append("\";\n");
            }
            return out.append("}\n").toString();
        }
    },
    MERMAID {
        @Override
        public String render(Lineage lineage) {
            StringBuilder out = new StringBuilder("flowchart LR\n");
            byMart(lineage).forEach((mart, nodes) -> {
                out.append("  subgraph ").append(mart).append('\n');
                for (Lineage.Node n : nodes) {
                    String id = id(n.key());
                    out.append("    ").append(id).append(n.type().equals("source") ? "[(\"" : "[\"").append(n.key())
                        .append(n.type().equals("source") ? "\")]" : "\"]").append('\n');
                }
                out.append("  end\n");
            });
            for (Lineage.Edge e : lineage.edges()) {
                out.append("  ").append(id(e.from())).append(" --> ").append(id(e.to())).append('\n');
            }
            return out.toString();
        }

        private static String id(String key) {
            return key.replace('/', '_').replace('.', '_');
        }
    };

    public abstract String render(Lineage lineage);

    public static LineageFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown lineage format '" + name + "'. Use one of: "
                + java.util.Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ".", e);
        }
    }

    private static Map<String, List<String>> upstreamsByNode(Lineage lineage) {
        return lineage.edges().stream().collect(Collectors.groupingBy(Lineage.Edge::to, LinkedHashMap::new,
            Collectors.mapping(Lineage.Edge::from, Collectors.toList())));
    }

    private static Map<String, List<Lineage.Node>> byMart(Lineage lineage) {
        return lineage.nodes().stream().collect(Collectors.groupingBy(Lineage.Node::mart, LinkedHashMap::new,
            Collectors.toList()));
    }
}
