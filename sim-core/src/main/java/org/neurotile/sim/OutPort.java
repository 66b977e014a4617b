package org.neurotile.sim;

import java.util.Objects;

/** A named output of a component; what it sends arrives at the far port after the link's latency. */
public final class OutPort {
    private final String owner;
    private final String name;
    private Link link;

    /** The port {@code name} of the component at {@code owner}; its path is spelled when asked for. */
    OutPort(String owner, String name) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.name = Objects.requireNonNull(name, "name");
    }

    public String path() {
        return owner + "." + name;
    }

    public boolean isConnected() {
        return link != null;
    }

    public Link link() {
        if (link == null) {
            throw new IllegalStateException(path() + " is not connected");
        }
        return link;
    }

    /** Sends a message that arrives after the link's latency. */
    public void send(long message) {
        link().deliverLater(message, 0);
    }

    /** Sends a message that leaves after {@code extraDelayCycles} and then takes the link's latency. */
    public void sendAfter(long extraDelayCycles, long message) {
        link().deliverLater(message, extraDelayCycles);
    }

    void attach(Link newLink) {
        if (link != null) {
            throw new IllegalStateException(path() + " is already connected to " + link.to().path());
        }
        link = newLink;
    }

    @Override
    public String toString() {
        return path();
    }
}
