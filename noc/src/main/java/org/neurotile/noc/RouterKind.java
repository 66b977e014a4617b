package org.neurotile.noc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.neurotile.sim.InvalidInputException;

/** Which router model times the network. */
public enum RouterKind {
    /** Cut-through at packet granularity with unbounded input queues: fast, exact at zero load, never backs up. */
    IDEAL,
    /** Input-buffered virtual channels, credits, a four-stage pipeline and wormhole flits: saturates as real routers do. */
    VC;

    /** The config-file key of the router model. */
    public static final String KEY = "router";
    public static final List<String> IDS = Arrays.stream(values()).map(RouterKind::id).toList();

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RouterKind byName(String name) {
        for (RouterKind kind : values()) {
            if (kind.id().equals(name)) {
                return kind;
            }
        }
        throw new InvalidInputException("unknown router '" + name + "' (valid: "
                + Arrays.stream(values()).map(RouterKind::id).collect(Collectors.joining(", ")) + ")");
    }
}
