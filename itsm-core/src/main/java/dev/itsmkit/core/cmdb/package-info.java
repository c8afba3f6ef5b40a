/**
 * Services, the service catalogue and configuration items of one tenant: {@link
 * dev.itsmkit.core.cmdb.Service}, {@link dev.itsmkit.core.cmdb.CatalogueItem}, {@link
 * dev.itsmkit.core.cmdb.ConfigurationItem} and the {@link dev.itsmkit.core.cmdb.Relationship}s
 * between items, gathered and checked in a {@link dev.itsmkit.core.cmdb.ConfigurationModel}, which
 * answers impact analysis: if this item fails, which other items and which services are affected.
 * {@link dev.itsmkit.core.cmdb.RelationshipType} documents in which direction a failure spreads.
 *
 * <p>Every type here is immutable and thread-safe. No method accepts or returns {@code null}.
 */
@NullMarked
package dev.itsmkit.core.cmdb;

import org.jspecify.annotations.NullMarked;
