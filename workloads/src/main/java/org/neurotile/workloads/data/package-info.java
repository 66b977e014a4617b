/** Labelled data sets held in memory: synthetic, IDX (MNIST) and CSV. */
package org.neurotile.workloads.data;
