package org.neurotile.noc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.neurotile.sim.InvalidInputException;

/** How a packet to several tiles travels. */
public enum MulticastMode {
    /** One packet, copied at the routers where the routes part: each link carries it once. */
    TREE,
    /** One unicast packet per destination, injected one after another. */
    UNICAST;

    /** Every mode's name, as options and config files take it. */
    public static final List<String> IDS = Arrays.stream(values()).map(MulticastMode::id).toList();

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MulticastMode byName(String name) {
        for (MulticastMode mode : values()) {
            if (mode.id().equals(name)) {
                return mode;
            }
        }
        throw new InvalidInputException("unknown multicast mode '" + name + "' (valid: "
                + String.join(", ", IDS) + ")");
    }
}
