package org.neurotile.noc;

import org.neurotile.noc.topology.Topology;

/**
 * Where the virtual-channel network's channels and ports are, fixed by the topology alone: channels are
 * the router-to-router links ({@code 0..links-1}) and the tiles' injection channels ({@code links + tile});
 * output ports are the links and the tiles' ejection ports ({@code channels + tile}). Immutable once built.
 */
final class VcPortLayout {
    final int links;
    final int tiles;
    final int channels;
    /** The router each channel ends at. */
    final int[] channelRouter;
    /** Cycles a flit spends on each channel: the link delay, or the injection delay. */
    final long[] channelDelay;
    /** Channels into router r are {@code inChannels[inStart[r] .. inStart[r+1])}. */
    final int[] inStart;
    final int[] inChannels;
    /** Output ports of router r are {@code outPorts[outStart[r] .. outStart[r+1])}: its links, then its ejection port. */
    final int[] outStart;
    final int[] outPorts;
    /** A link's place among the output ports of the router it leaves. */
    final int[] outLocalOfLink;
    /** The most output ports of any router: the most branches a packet can part into there. */
    final int maxBranches;

    VcPortLayout(Topology topology, NocParameters parameters) {
        links = topology.linkCount();
        tiles = topology.tileCount();
        channels = links + tiles;
        int routers = topology.routerCount();
        channelRouter = new int[channels];
        channelDelay = new long[channels];
        int[] inDegree = new int[routers];
        for (int c = 0; c < channels; c++) {
            channelRouter[c] = c < links ? topology.linkTo(c) : c - links;
            channelDelay[c] = c < links ? parameters.linkDelayCycles() : parameters.injectionCycles();
            inDegree[channelRouter[c]]++;
        }
        inStart = new int[routers + 1];
        for (int r = 0; r < routers; r++) {
            inStart[r + 1] = inStart[r] + inDegree[r];
        }
        inChannels = new int[channels];
        int[] fill = inStart.clone();
        for (int c = 0; c < channels; c++) {
            inChannels[fill[channelRouter[c]]++] = c;
        }
        outStart = new int[routers + 1];
        for (int r = 0; r < routers; r++) {
            outStart[r + 1] = outStart[r] + topology.outLinkCount(r) + (r < tiles ? 1 : 0);
        }
        outPorts = new int[outStart[routers]];
        outLocalOfLink = new int[links];
        int widest = 1;
        for (int r = 0; r < routers; r++) {
            int n = topology.outLinkCount(r);
            for (int i = 0; i < n; i++) {
                int link = topology.outLink(r, i);
                outPorts[outStart[r] + i] = link;
                outLocalOfLink[link] = i;
            }
            if (r < tiles) {
                outPorts[outStart[r] + n] = channels + r;
            }
            widest = Math.max(widest, outStart[r + 1] - outStart[r]);
        }
        maxBranches = widest;
    }
}
