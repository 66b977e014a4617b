package org.neurotile.noc;

import java.util.ArrayList;
import java.util.List;

/** Describes a stopped virtual-channel network: which routers and virtual channels hold packets, waiting on what. */
final class VcDeadlockReport {
    private static final int NAMED_IN_MESSAGE = 6;

    private VcDeadlockReport() {
    }

    static NocDeadlockException of(VcFabric f, long now, long stalledCycles) {
        List<String> blocked = new ArrayList<>();
        for (int ivc : f.liveChannels()) {
            blocked.add(describe(f, ivc));
        }
        int queued = 0;
        for (int tile = 0; tile < f.tiles; tile++) {
            queued += f.queuedAt(tile);
        }
        StringBuilder message = new StringBuilder();
        message.append("noc deadlock at cycle ").append(now).append(": no flit moved for ").append(stalledCycles)
                .append(" cycles (vc router, deadlockCycles ").append(f.vc.deadlockCycles()).append("); ")
                .append(blocked.size()).append(" virtual channels hold packets, ").append(queued)
                .append(" packets wait at network interfaces");
        for (int i = 0; i < Math.min(NAMED_IN_MESSAGE, blocked.size()); i++) {
            message.append(i == 0 ? ": " : "; ").append(blocked.get(i));
        }
        if (blocked.size() > NAMED_IN_MESSAGE) {
            message.append("; ...");
        }
        return new NocDeadlockException(message.toString(), now, blocked);
    }

    private static String describe(VcFabric f, int ivc) {
        int c = ivc / f.vcs;
        int v = ivc - c * f.vcs;
        String router = f.topology.routerName(f.channelRouter[c]);
        String input = c < f.links ? "input " + f.topology.linkName(c) : "injection input";
        StringBuilder s = new StringBuilder("router ").append(router).append(' ').append(input).append(" vc ").append(v)
                .append(" (").append(f.bufferCount[ivc]).append(" flits)");
        for (int b = 0, at = ivc; b < f.branches[ivc]; b++, at += f.ivcCount) {
            int port = f.branchPort[at];
            String out = port < f.links ? f.topology.linkName(port) : "ejection";
            if (f.branchVc[at] < 0) {
                s.append(" waits for a free vc on ").append(out);
            } else if (port < f.links && f.credits[port * f.vcs + f.branchVc[at]] == 0) {
                s.append(" waits for a credit of ").append(out).append(" vc ").append(f.branchVc[at]);
            } else {
                s.append(" holds ").append(out).append(" vc ").append(f.branchVc[at]);
            }
        }
        return s.toString();
    }
}
