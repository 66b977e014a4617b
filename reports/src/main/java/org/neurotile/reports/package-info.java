/** Energy tables and the energy pass, tables, charts and report writers; prices counts it is handed. */
package org.neurotile.reports;
