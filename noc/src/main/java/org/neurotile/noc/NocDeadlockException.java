package org.neurotile.noc;

import java.util.List;
import org.neurotile.sim.InvalidInputException;

/**
 * The virtual-channel network stopped: flits were in flight but none moved for the configured number
 * of cycles. A consequence of the configuration (a routing or multicast that lets packets wait on each
 * other in a cycle), so it is reported as one line, like any other bad input.
 */
public final class NocDeadlockException extends InvalidInputException {
    private final long cycle;
    private final List<String> blocked;

    NocDeadlockException(String message, long cycle, List<String> blocked) {
        super(message);
        this.cycle = cycle;
        this.blocked = List.copyOf(blocked);
    }

    /** The cycle the deadlock was declared. */
    public long cycle() {
        return cycle;
    }

    /** Every virtual channel holding a packet, with the router, input and what it waits for. */
    public List<String> blockedChannels() {
        return blocked;
    }
}
