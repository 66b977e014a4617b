package org.neurotile.sim;

import java.util.ArrayList;
import java.util.List;

/** The two ends of a link under test: a component that sends, one that logs each arrival with its cycle. */
final class LinkEnds {
    private LinkEnds() {
    }

    static final class Sender extends Component {
        final OutPort out = outPort("out");

        Sender(Simulation sim) {
            super(sim, "sender");
        }
    }

    static final class Receiver extends Component {
        final List<String> arrivals = new ArrayList<>();
        final InPort in = inPort("in", m -> arrivals.add(m + "@" + simulation().nowCycles()));

        Receiver(Simulation sim) {
            super(sim, "receiver");
        }
    }
}
