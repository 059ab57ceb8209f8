package io.gridchain.capacity;

import java.util.Optional;

/**
 * The answer a compute node needs before it starts or keeps a workload: is there a lease for this
 * tenant on this node covering these resources, running now, and until when.
 *
 * @param until  for a valid lease, the last second it is paid for (or its end, if earlier)
 * @param reason why it is not valid (or "ok")
 */
public record LeaseVerification(boolean valid, Optional<Long> leaseId, Optional<LeaseState> state, long until,
                                String reason) {
    static LeaseVerification refused(String reason) {
        return new LeaseVerification(false, Optional.empty(), Optional.empty(), 0, reason);
    }
}
