package org.neurotile.app.sweep;

import java.util.List;
import org.neurotile.sim.config.ConfigSection;

/** What a sweep asks of the application: the keys a point may have, checked and resolved. */
public interface PointResolver {
    /**
     * The configuration of point {@code index} resolved, after checking every key and value and
     * that the point can run, except whether it fits the chip (an infeasible point is a row, not an
     * error); throws InvalidInputException naming the file, line and key.
     */
    ResolvedPoint resolve(int index, ConfigSection configuration);

    /** The names of every measure a point yields, for checking {@code measures:}. */
    List<String> measureNames();

    /** The function that runs a resolved point. */
    PointFunction function();
}
