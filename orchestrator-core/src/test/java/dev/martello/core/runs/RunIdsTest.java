package dev.martello.core.runs;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RunIdsTest {

    @Test
    void idsAreLowercaseLettersAndDigitsOfFixedLength() {
        assertThat(RunIds.next()).matches("r[0-9a-z]{17}");
        assertThat(RunIds.next(Instant.EPOCH)).matches("r000000000[0-9a-z]{8}");
    }

    @Test
    void idsSortByCreationTime() {
        List<Instant> times = List.of(Instant.EPOCH, Instant.parse("2001-09-09T01:46:40Z"),
            Instant.parse("2025-03-01T06:00:00Z"), Instant.parse("2025-03-01T06:00:00.001Z"),
            Instant.parse("2999-12-31T23:59:59Z"));
        List<String> ids = times.stream().map(RunIds::next).toList();

        assertThat(ids).isSorted();
    }

    @Test
    void idsCreatedAtTheSameMomentDiffer() {
        Instant now = Instant.now();
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> ids.add(RunIds.next(now)));

        assertThat(ids).hasSize(10_000);
    }
}
