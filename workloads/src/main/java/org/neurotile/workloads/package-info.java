/** Network descriptions (layers), the catalog of paper networks and datasets; knows nothing about tiles. */
package org.neurotile.workloads;
