package dev.martello.marts.holiday_campaign_2025;

import dev.martello.dsl.AssetContext;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Computes the GMV uplift of each campaign window per category against a pre-season baseline. The windows are
 * campaign configuration that marketing edits. Keeping them in Java means each window becomes one insert, and the
 * asset's code version changes whenever a window does.
 */
final class CategoryUplift {

    /** A campaign window, {@code [start, end)} in UTC days. */
    record Window(String name, LocalDate start, LocalDate end) {
        long days() {
            return ChronoUnit.DAYS.between(start, end);
        }
    }

    /** Four weeks before the campaign, before any holiday promotion ran. */
    static final Window BASELINE = window("baseline", "2025-10-06", "2025-11-03");

    static final List<Window> WINDOWS = List.of(
        window("pre_season", "2025-11-03", "2025-11-24"),
        window("black_friday_week", "2025-11-24", "2025-12-01"),
        window("cyber_monday", "2025-12-01", "2025-12-02"),
        window("gift_season", "2025-12-02", "2025-12-25"),
        window("post_holiday", "2025-12-25", "2026-01-07"));

    private CategoryUplift() {
    }

    /** A version that changes whenever a window does, so the asset becomes stale on every campaign edit. */
    static String version() {
        String all = BASELINE + WINDOWS.stream().map(Window::toString).collect(Collectors.joining());
        return "windows-" + Integer.toHexString(all.hashCode());
    }

    static void write(AssetContext ctx) throws SQLException {
        String gmv = ctx.table("core/gmv_daily_by_category");
        for (Window w : WINDOWS) {
            int rows = ctx.execute(insert(ctx.target(), gmv, w));
            ctx.log(w.name() + " (" + w.start() + " to " + w.end() + "): " + rows + " categories");
        }
    }

    static String insert(String target, String gmv, Window w) {
        return """
            insert into %1$s (campaign_window, window_start, window_end, days, category_id, category_name,
                              gmv_usd, avg_daily_gmv_usd, baseline_avg_daily_gmv_usd, uplift_ratio)
            select
                '%3$s', date '%4$s', date '%5$s', %6$d, w.category_id, w.category_name,
                cast(w.gmv_usd as decimal(18, 2)),
                cast(w.gmv_usd / %6$d as decimal(18, 2)),
                cast(coalesce(b.gmv_usd, 0) / %9$d as decimal(18, 2)),
                case when b.gmv_usd > 0 then cast((w.gmv_usd / %6$d) / (b.gmv_usd / %9$d) as decimal(12, 4)) end
            from (
                select category_id, max(category_name) as category_name, sum(gmv_usd) as gmv_usd
                from %2$s
                where gmv_date >= date '%4$s' and gmv_date < date '%5$s'
                group by category_id
            ) w
            left join (
                select category_id, sum(gmv_usd) as gmv_usd
                from %2$s
                where gmv_date >= date '%7$s' and gmv_date < date '%8$s'
                group by category_id
            ) b on b.category_id = w.category_id
            """.formatted(target, gmv, w.name(), w.start(), w.end(), w.days(),
            BASELINE.start(), BASELINE.end(), BASELINE.days());
    }

    private static Window window(String name, String start, String end) {
        return new Window(name, LocalDate.parse(start), LocalDate.parse(end));
    }
}
