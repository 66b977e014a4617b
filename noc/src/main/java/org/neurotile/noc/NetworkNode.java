package org.neurotile.noc;

import org.neurotile.sim.Component;
import org.neurotile.sim.EventHandler;
import org.neurotile.sim.InPort;
import org.neurotile.sim.OutPort;
import org.neurotile.sim.Simulation;

/**
 * A router or a tile's network interface: a component whose ports the {@link Network} wires. The
 * packet logic lives in the network; a node only names its ports and owns its place in the path.
 */
final class NetworkNode extends Component {
    NetworkNode(Simulation simulation, String path) {
        super(simulation, path);
    }

    InPort input(String name, EventHandler receiver) {
        return inPort(name, receiver);
    }

    OutPort output(String name) {
        return outPort(name);
    }
}
