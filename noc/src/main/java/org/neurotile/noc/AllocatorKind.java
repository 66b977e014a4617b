package org.neurotile.noc;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.neurotile.sim.InvalidInputException;

/** A separable allocator of the VC router (for virtual channels or for the switch). */
public enum AllocatorKind {
    /**
     * Input first: each requester picks one resource round-robin, then each resource picks one of its
     * pickers round-robin; both pointers move past a winner.
     */
    ROUND_ROBIN("round-robin"),
    /**
     * iSLIP with one iteration: each resource grants the requester nearest its pointer, each requester
     * accepts the grant nearest its pointer; pointers move only on an accepted grant (McKeown 1999).
     */
    ISLIP("islip");

    private final String id;

    AllocatorKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static AllocatorKind byName(String name) {
        for (AllocatorKind kind : values()) {
            if (kind.id.equals(name)) {
                return kind;
            }
        }
        throw new InvalidInputException("unknown allocator '" + name + "' (valid: "
                + Arrays.stream(values()).map(AllocatorKind::id).collect(Collectors.joining(", ")) + ")");
    }
}
