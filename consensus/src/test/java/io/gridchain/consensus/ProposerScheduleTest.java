package io.gridchain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.Address;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProposerScheduleTest {
    @Test
    void eachValidatorProposesInProportionToItsPowerOverAPeriod() {
        Fixture f = new Fixture(5, 1, 3, 1);
        ProposerSchedule s = new ProposerSchedule(f.set);
        Map<Address, Integer> count = new HashMap<>();
        for (long h = 0; h < 10; h++) {
            count.merge(s.proposer(h, 0), 1, Integer::sum);
        }
        for (var v : f.set.validators()) {
            assertThat(count.get(v.address())).isEqualTo((int) v.power());
        }
        assertThat(s.proposer(3, 0)).isEqualTo(s.proposer(13, 0)).isEqualTo(s.proposer(1, 2));
    }

    @Test
    void equalPowersRotateAndTheResultDoesNotDependOnTheQueryOrder() {
        Fixture f = new Fixture(1, 1, 1, 1);
        ProposerSchedule s = new ProposerSchedule(f.set);
        for (int i = 0; i < 4; i++) {
            assertThat(s.proposer(i, 0)).isEqualTo(f.set.validators().get(i).address());
        }
        ProposerSchedule fresh = new ProposerSchedule(f.set);
        assertThat(fresh.proposer(1_000_003, 5)).isEqualTo(s.proposer(1_000_003, 5)).isEqualTo(s.proposer(0, 0));
    }
}
