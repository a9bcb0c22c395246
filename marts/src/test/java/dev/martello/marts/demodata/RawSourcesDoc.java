package dev.martello.marts.demodata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What marts/RAW_SOURCES.md promises: the tables and columns of its DDL, and the tracking plan's events. */
record RawSourcesDoc(Map<String, List<DocColumn>> tables, List<String> trackingPlan) {
    private static final Pattern CREATE = Pattern.compile("create table (\\w+\\.\\w+) \\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern PLAN_ROW = Pattern.compile("^\\| (user|seller|system) \\| (\\w+) \\| (\\w+) \\|",
        Pattern.MULTILINE);

    /** A documented column: its type as written (e.g. {@code decimal(18, 8)}) and whether it may be null. */
    record DocColumn(String name, String type, boolean nullable) {
    }

    static RawSourcesDoc read() throws IOException {
        String doc = Files.readString(Path.of("RAW_SOURCES.md"));
        Map<String, List<DocColumn>> tables = new LinkedHashMap<>();
        Matcher m = CREATE.matcher(doc);
        while (m.find()) {
            List<DocColumn> columns = new ArrayList<>();
            for (String def : splitTopLevel(m.group(2))) {
                String d = def.strip().replaceAll("\\s+", " ");
                boolean notNull = d.endsWith(" not null");
                String body = notNull ? d.substring(0, d.length() - " not null".length()) : d;
                int space = body.indexOf(' ');
                columns.add(new DocColumn(body.substring(0, space), body.substring(space + 1), !notNull));
            }
            tables.put(m.group(1), columns);
        }
        List<String> plan = new ArrayList<>();
        Matcher p = PLAN_ROW.matcher(doc);
        while (p.find()) {
            plan.add(p.group(1) + "_" + p.group(2) + "_" + p.group(3));
        }
        return new RawSourcesDoc(tables, plan);
    }

    private static List<String> splitTopLevel(String columns) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : columns.toCharArray()) {
            if (c == ',' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            current.append(c);
        }
        out.add(current.toString());
        return out.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }
}
