package dev.martello.web.freshness;

import dev.martello.dsl.FreshnessPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyFreshnessEvaluatorTest {
    private final PolicyFreshnessEvaluator evaluator = new PolicyFreshnessEvaluator();
    private final Instant now = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void maxLagPassesWarnsAndFails() {
        var policy = new FreshnessPolicy.MaxLag(Duration.ofHours(2), Duration.ofHours(1));
        assertThat(evaluator.evaluate(policy, now.minusSeconds(1800), now))
            .isEqualTo(new Freshness(FreshnessState.PASS, null, "last materialized 30m ago; within 2h"));
        assertThat(evaluator.evaluate(policy, now.minusSeconds(5400), now)).isEqualTo(new Freshness(
            FreshnessState.WARN, now.minusSeconds(1800), "last materialized 1h30m ago; warns after 1h, fails after 2h"));
        assertThat(evaluator.evaluate(policy, now.minusSeconds(3 * 3600), now)).isEqualTo(new Freshness(
            FreshnessState.FAIL, now.minusSeconds(3600), "last materialized 3h ago; the policy allows 2h"));
    }

    @Test
    void noPolicyIsUnknownAndNeverMaterializedFails() {
        assertThat(evaluator.evaluate(null, now, now).state()).isEqualTo(FreshnessState.UNKNOWN);
        assertThat(evaluator.evaluate(new FreshnessPolicy.MaxLag(Duration.ofHours(2), null), null, now))
            .isEqualTo(new Freshness(FreshnessState.FAIL, null, "never materialized; the policy asks for it within 2h"));
    }

    @Test
    void aCronDeadlineFailsWhenNotMaterializedSinceThePreviousTick() {
        var daily7 = new FreshnessPolicy.CronDeadline("0 7 * * *", ZoneId.of("Europe/Berlin"));
        // today's 07:00 Berlin tick is 06:00Z; the previous one yesterday 06:00Z
        assertThat(evaluator.evaluate(daily7, Instant.parse("2025-03-09T08:00:00Z"), now).state())
            .isEqualTo(FreshnessState.PASS);
        Freshness late = evaluator.evaluate(daily7, Instant.parse("2025-03-09T05:00:00Z"), now);
        assertThat(late.state()).isEqualTo(FreshnessState.FAIL);
        assertThat(late.lateSince()).isEqualTo(Instant.parse("2025-03-10T06:00:00Z"));
    }

    @Test
    void theSloIsTheShareOfTimeInPass() {
        var policy = new FreshnessPolicy.MaxLag(Duration.ofHours(6), null);
        SloCalculator slo = new SloCalculator(evaluator);
        // materialized once 24h ago: fresh for the first 6 of 24 hours
        Double share = slo.passShare(policy, List.of(now.minus(Duration.ofHours(24))), now, Duration.ofDays(7));
        assertThat(share).isBetween(0.25, 0.27);
        assertThat(slo.passShare(policy, List.of(), now, Duration.ofDays(7))).isNull();
        assertThat(slo.passShare(null, List.of(now), now, Duration.ofDays(7))).isNull();
    }
}
