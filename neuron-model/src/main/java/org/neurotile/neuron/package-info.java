/** Neuron tiles, local memory, mapping of neurons to tiles, learning rules, the chip and closed-form costs. */
package org.neurotile.neuron;
