/**
 * A real service desk's incident log replayed through ITSM Kit: the ServiceNow event log of
 * {@code shared/data} read row by row and turned into commands on a {@link dev.itsmkit.workflow.ServiceDesk},
 * under a lifecycle of the desk's own states, its priority matrix and an SLA policy.
 */
@org.jspecify.annotations.NullMarked
package dev.itsmkit.examples.servicenow;
