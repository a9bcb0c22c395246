package dev.martello.core.warehouse;

import dev.martello.dsl.AssetKey;

import java.util.List;

/**
 * A new version was built but not published because its data is wrong: it broke the declared columns or a blocking
 * check. A user data problem, not a warehouse failure; the published data is unchanged.
 */
public final class VersionRejectedException extends RuntimeException {
    private static final String UNCHANGED = "The published data is unchanged.";

    private final AssetKey asset;
    private final List<ColumnMismatch> mismatches;
    private final List<CheckResult> checks;

    private VersionRejectedException(AssetKey asset, String message, List<ColumnMismatch> mismatches,
                                     List<CheckResult> checks) {
        super(message);
        this.asset = asset;
        this.mismatches = List.copyOf(mismatches);
        this.checks = List.copyOf(checks);
    }

    static VersionRejectedException contract(AssetKey asset, List<ColumnMismatch> mismatches) {
        List<String> lines = mismatches.stream().map(ColumnMismatch::describe).toList();
        String what = lines.size() == 1 ? "its new version breaks the column contract: "
            : "its new version breaks the column contract in " + lines.size() + " places:";
        return new VersionRejectedException(asset, message(asset, what, lines), mismatches, List.of());
    }

    static VersionRejectedException checks(AssetKey asset, List<CheckResult> results) {
        List<CheckResult> failed = results.stream().filter(CheckResult::blocks).toList();
        String message = failed.size() == 1
            ? message(asset, "blocking check " + failed.getFirst().name() + " failed: ",
                List.of(failed.getFirst().message()))
            : message(asset, failed.size() + " blocking checks failed:",
                failed.stream().map(r -> r.name() + ": " + r.message()).toList());
        return new VersionRejectedException(asset, message, List.of(), results);
    }

    private static String message(AssetKey asset, String what, List<String> lines) {
        StringBuilder b = new StringBuilder("Asset '").append(asset).append("' was not published: ").append(what);
        if (lines.size() == 1) {
            return b.append(lines.getFirst()).append(' ').append(UNCHANGED).toString();
        }
        for (int i = 0; i < lines.size(); i++) {
            b.append("\n  ").append(i + 1).append(". ").append(lines.get(i));
        }
        return b.append('\n').append(UNCHANGED).toString();
    }

    public AssetKey asset() {
        return asset;
    }

    /** The broken columns; empty when checks failed. */
    public List<ColumnMismatch> mismatches() {
        return mismatches;
    }

    /** Every check's result (passed ones too) when checks failed; empty when the contract broke first. */
    public List<CheckResult> checks() {
        return checks;
    }
}
