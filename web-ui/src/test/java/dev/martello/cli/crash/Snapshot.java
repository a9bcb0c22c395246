package dev.martello.cli.crash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader sees in a published relation: its row count and a checksum of its rows that ignores their order, so
 * two runs that publish the same data give equal snapshots on any backend.
 */
record Snapshot(long rows, String checksum) {

    static Snapshot of(Connection c, String relation) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.setQueryTimeout(30);
            try (ResultSet rs = st.executeQuery("select * from " + relation)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(rs.getString(i)).append('\u0001');
                    }
                    rows.add(row.toString());
                }
            }
        }
        Collections.sort(rows);
        MessageDigest digest = sha256();
        rows.forEach(r -> digest.update(r.getBytes(StandardCharsets.UTF_8)));
        return new Snapshot(rows.size(), HexFormat.of().formatHex(digest.digest()));
    }

    /** A snapshot of each of {@code relations}, in their order. */
    static Map<String, Snapshot> of(Connection c, List<String> relations) throws SQLException {
        Map<String, Snapshot> out = new LinkedHashMap<>();
        for (String r : relations) {
            out.put(r, of(c, r));
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
