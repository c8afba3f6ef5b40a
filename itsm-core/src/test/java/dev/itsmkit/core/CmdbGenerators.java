package dev.itsmkit.core;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.cmdb.ConfigurationItem;
import dev.itsmkit.core.cmdb.ConfigurationItemType;
import dev.itsmkit.core.cmdb.ConfigurationModel;
import dev.itsmkit.core.cmdb.Relationship;
import dev.itsmkit.core.cmdb.RelationshipType;
import dev.itsmkit.core.cmdb.Service;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators for impact/urgency matrices and configuration models, for any test of
 * itsm-core that needs them.
 */
// Tests are patched into the dev.itsmkit.core module, which does not (and must not) require
// QuickTheories, so javac warns that Gen appears in a public signature; only tests see this class.
@SuppressWarnings("exports")
public final class CmdbGenerators {
    private CmdbGenerators() {}

    /**
     * A matrix given as its cells, without the checks of the builder.
     *
     * @param impactLevels the number of rows
     * @param urgencyLevels the number of columns
     * @param priorities the priority levels, {@code priorities[impact - 1][urgency - 1]}
     */
    public record Cells(int impactLevels, int urgencyLevels, int[][] priorities) {
        /**
         * Returns a builder holding these cells.
         *
         * @return the builder, whose {@code build()} may refuse the cells
         */
        public ImpactUrgencyMatrix.Builder toBuilder() {
            ImpactUrgencyMatrix.Builder builder = ImpactUrgencyMatrix.builder(impactLevels, urgencyLevels);
            for (int i = 0; i < impactLevels; i++) {
                builder.row(i + 1, priorities[i]);
            }
            return builder;
        }

        @Override
        public String toString() {
            return java.util.Arrays.deepToString(priorities);
        }
    }

    /**
     * Any cells of 1 to 9 levels each way, each cell P1 to P9: mostly not monotone.
     *
     * @return the generator
     */
    public static Gen<Cells> anyCells() {
        return integers().between(1, Impact.MAX_LEVEL).zip(integers().between(1, Urgency.MAX_LEVEL),
                lists().of(integers().between(1, Priority.MAX_LEVEL)).ofSize(Impact.MAX_LEVEL * Urgency.MAX_LEVEL),
                (rows, columns, values) -> {
                    int[][] cells = new int[rows][columns];
                    for (int i = 0; i < rows; i++) {
                        for (int u = 0; u < columns; u++) {
                            cells[i][u] = values.get(i * Urgency.MAX_LEVEL + u);
                        }
                    }
                    return new Cells(rows, columns, cells);
                });
    }

    /**
     * Monotone cells: priority = 1 + rowStep(impact) + columnStep(urgency), capped at P9, with
     * non-decreasing steps, which is monotone by construction.
     *
     * @return the generator
     */
    public static Gen<Cells> monotoneCells() {
        return integers().between(1, Impact.MAX_LEVEL).zip(integers().between(1, Urgency.MAX_LEVEL),
                lists().of(integers().between(0, 2)).ofSize(Impact.MAX_LEVEL),
                lists().of(integers().between(0, 2)).ofSize(Urgency.MAX_LEVEL),
                (rows, columns, rowIncrements, columnIncrements) -> {
                    int[][] cells = new int[rows][columns];
                    int rowStep = 0;
                    for (int i = 0; i < rows; i++) {
                        rowStep += i == 0 ? 0 : rowIncrements.get(i);
                        int columnStep = 0;
                        for (int u = 0; u < columns; u++) {
                            columnStep += u == 0 ? 0 : columnIncrements.get(u);
                            cells[i][u] = Math.min(Priority.MAX_LEVEL, 1 + rowStep + columnStep);
                        }
                    }
                    return new Cells(rows, columns, cells);
                });
    }

    /** One relationship of a random graph, by item index: source, type, target. */
    private record Edge(int source, int type, int target) {}

    /**
     * Configuration models of one tenant with 1 to 12 items {@code ci-0, ci-1, ...}, up to 40
     * relationships of random types between them (so cycles are common, and parallel relationships
     * of different types occur) and up to 5 services {@code svc-0, ...} each supported by up to 3
     * items.
     *
     * @param tenant the tenant of every element
     * @return the generator
     */
    public static Gen<ConfigurationModel> configurationModels(TenantId tenant) {
        Gen<Edge> edges = integers().between(0, 11).zip(integers().between(0, RelationshipType.values().length - 1),
                integers().between(0, 11), Edge::new);
        Gen<List<Integer>> supporters = lists().of(integers().between(0, 11)).ofSizeBetween(0, 3);
        return integers().between(1, 12).zip(lists().of(edges).ofSizeBetween(0, 40),
                lists().of(supporters).ofSizeBetween(0, 5),
                (size, edgeList, serviceList) -> model(tenant, size, edgeList, serviceList));
    }

    private static ConfigurationModel model(TenantId tenant, int size, List<Edge> edges,
            List<List<Integer>> services) {
        ConfigurationModel.Builder builder = ConfigurationModel.builder(tenant);
        for (int i = 0; i < size; i++) {
            builder.item(item(tenant, "ci-" + i));
        }
        for (Edge e : edges) {
            int source = e.source() % size;
            int target = e.target() % size;
            if (source != target) {
                builder.relationship(Relationship.of(ConfigurationItemId.of("ci-" + source),
                        RelationshipType.values()[e.type()], ConfigurationItemId.of("ci-" + target)));
            }
        }
        for (int s = 0; s < services.size(); s++) {
            List<ConfigurationItemId> supporters = new ArrayList<>();
            services.get(s).forEach(i -> supporters.add(ConfigurationItemId.of("ci-" + i % size)));
            builder.service(Service.builder(tenant, ServiceId.of("svc-" + s)).name("Service " + s)
                    .owner(Party.group("owners-" + s)).supportedBy(supporters).build());
        }
        return builder.build();
    }

    /**
     * Returns an operational server.
     *
     * @param tenant its tenant
     * @param id its id, also its name
     * @return the item
     */
    public static ConfigurationItem item(TenantId tenant, String id) {
        return ConfigurationItem.builder(tenant, ConfigurationItemId.of(id)).name(id)
                .type(ConfigurationItemType.SERVER).build();
    }
}
