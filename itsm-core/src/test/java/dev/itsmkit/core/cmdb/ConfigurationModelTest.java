package dev.itsmkit.core.cmdb;

import static dev.itsmkit.core.CmdbGenerators.configurationModels;
import static dev.itsmkit.core.CmdbGenerators.item;
import static dev.itsmkit.core.cmdb.RelationshipType.CONNECTS_TO;
import static dev.itsmkit.core.cmdb.RelationshipType.DEPENDS_ON;
import static dev.itsmkit.core.cmdb.RelationshipType.PART_OF;
import static dev.itsmkit.core.cmdb.RelationshipType.RUNS_ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigurationModelTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    private static ConfigurationItemId ci(String id) {
        return ConfigurationItemId.of(id);
    }

    private static Service service(TenantId tenant, String id, String... supporters) {
        return Service.builder(tenant, ServiceId.of(id)).name(id).owner(Party.group("ops"))
                .supportedBy(java.util.Arrays.stream(supporters).map(ConfigurationItemId::of).toList()).build();
    }

    /**
     * A shop: the web app runs on vm-1, which runs on host-1; the web app connects to the database,
     * which is part of db-cluster; the order service depends on the web app.
     */
    private static ConfigurationModel shop() {
        ConfigurationModel.Builder b = ConfigurationModel.builder(ACME);
        for (String id : List.of("web", "vm-1", "host-1", "db", "db-cluster", "orders", "monitoring")) {
            b.item(item(ACME, id));
        }
        return b.relationship(ci("web"), RUNS_ON, ci("vm-1"))
                .relationship(ci("vm-1"), RUNS_ON, ci("host-1"))
                .relationship(ci("web"), CONNECTS_TO, ci("db"))
                .relationship(ci("db"), PART_OF, ci("db-cluster"))
                .relationship(ci("orders"), DEPENDS_ON, ci("web"))
                .relationship(ci("monitoring"), CONNECTS_TO, ci("host-1"))
                .service(service(ACME, "webshop", "web", "orders"))
                .service(service(ACME, "reporting", "db-cluster"))
                .build();
    }

    @Test
    void aFailureOfAHostImpactsWhatRunsOnItAndWhatDependsOnThatNearestFirst() {
        assertThat(shop().impactedItems(ci("host-1")))
                .containsExactly(ci("monitoring"), ci("vm-1"), ci("web"), ci("orders"));
        assertThat(shop().impactedServices(ci("host-1"))).containsExactly(ServiceId.of("webshop"));
    }

    @Test
    void aFailureOfAPartImpactsTheWholeButNotTheOtherWayRound() {
        ConfigurationModel shop = shop();
        assertThat(shop.impactedItems(ci("db"))).containsExactly(ci("db-cluster"), ci("web"), ci("orders"));
        assertThat(shop.impactedServices(ci("db"))).containsExactly(ServiceId.of("reporting"), ServiceId.of("webshop"));
        assertThat(shop.impactedItems(ci("db-cluster"))).isEmpty();
        assertThat(shop.impactedServices(ci("db-cluster"))).containsExactly(ServiceId.of("reporting"));
    }

    @Test
    void aFailureOfTheDependentSideImpactsNothingItDependsOn() {
        ConfigurationModel shop = shop();
        assertThat(shop.impactedItems(ci("orders"))).isEmpty();
        assertThat(shop.impactedItems(ci("web"))).containsExactly(ci("orders"));
        assertThat(shop.impactedItems(ci("monitoring"))).as("CONNECTS_TO does not impact the target").isEmpty();
    }

    @Test
    void aServiceSupportedByTheFailedItemItselfComesFirst() {
        assertThat(shop().impactedServices(ci("orders"))).containsExactly(ServiceId.of("webshop"));
        assertThat(shop().impactedServices(List.of(ci("db-cluster"), ci("vm-1"))))
                .containsExactly(ServiceId.of("reporting"), ServiceId.of("webshop"));
    }

    @Test
    void severalFailuresTogetherImpactTheUnionWithoutTheFailedItems() {
        assertThat(shop().impactedItems(List.of(ci("vm-1"), ci("db"))))
                .containsExactly(ci("db-cluster"), ci("web"), ci("orders"));
    }

    @Test
    void aCycleOfDependenciesTerminatesAndImpactsEveryMemberButTheFailedOne() {
        ConfigurationModel ring = ConfigurationModel.builder(ACME)
                .items(List.of(item(ACME, "a"), item(ACME, "b"), item(ACME, "c")))
                .relationship(ci("a"), DEPENDS_ON, ci("b"))
                .relationship(ci("b"), DEPENDS_ON, ci("c"))
                .relationship(ci("c"), DEPENDS_ON, ci("a"))
                .build();
        assertThat(ring.impactedItems(ci("a"))).containsExactly(ci("c"), ci("b"));
    }

    @Test
    void theImpactIsWhatASimpleBreadthFirstSearchFindsOnRandomGraphsWithCycles() {
        qt().forAll(configurationModels(ACME), lists().of(integers().between(0, 11)).ofSizeBetween(1, 3))
                .checkAssert((model, failedIndices) -> {
                    List<ConfigurationItemId> failed = failedIndices.stream()
                            .map(i -> ci("ci-" + i % model.items().size())).distinct().toList();
                    Map<ConfigurationItemId, Integer> distance = referenceDistances(model, failed);
                    assertThat(model.impactedItems(failed)).isEqualTo(distance.entrySet().stream()
                            .filter(e -> e.getValue() > 0)
                            .sorted(Comparator.<Map.Entry<ConfigurationItemId, Integer>>comparingInt(Map.Entry::getValue)
                                    .thenComparing(e -> e.getKey().value()))
                            .map(Map.Entry::getKey).toList());
                    assertThat(model.impactedServices(failed)).isEqualTo(referenceServices(model, distance));
                });
    }

    @Test
    void theImpactOfAnItemIsClosedUnderEveryRelationship() {
        qt().forAll(configurationModels(ACME), integers().between(0, 11)).checkAssert((model, index) -> {
            ConfigurationItemId failed = ci("ci-" + index % model.items().size());
            Set<ConfigurationItemId> reached = new java.util.HashSet<>(model.impactedItems(failed));
            assertThat(reached).doesNotContain(failed);
            reached.add(failed);
            for (Relationship r : model.relationships()) {
                ConfigurationItemId cause = r.type() == PART_OF ? r.source() : r.target();
                ConfigurationItemId effect = r.type() == PART_OF ? r.target() : r.source();
                if (reached.contains(cause)) {
                    assertThat(reached).as("impacted along %s", r).contains(effect);
                }
            }
        });
    }

    /** Breadth-first search written from the direction table of RelationshipType, independent of the model's index. */
    private static Map<ConfigurationItemId, Integer> referenceDistances(ConfigurationModel model,
            List<ConfigurationItemId> failed) {
        Map<ConfigurationItemId, Integer> distance = new HashMap<>();
        List<ConfigurationItemId> frontier = new ArrayList<>(failed);
        failed.forEach(f -> distance.put(f, 0));
        int level = 0;
        while (!frontier.isEmpty()) {
            level++;
            List<ConfigurationItemId> next = new ArrayList<>();
            for (ConfigurationItemId item : frontier) {
                for (Relationship r : model.relationships()) {
                    boolean targetFails = r.type() == DEPENDS_ON || r.type() == RUNS_ON || r.type() == CONNECTS_TO;
                    ConfigurationItemId cause = targetFails ? r.target() : r.source();
                    ConfigurationItemId effect = targetFails ? r.source() : r.target();
                    if (cause.equals(item) && !distance.containsKey(effect)) {
                        distance.put(effect, level);
                        next.add(effect);
                    }
                }
            }
            frontier = next;
        }
        return distance;
    }

    private static List<ServiceId> referenceServices(ConfigurationModel model, Map<ConfigurationItemId, Integer> distance) {
        Map<ServiceId, Integer> serviceDistance = new HashMap<>();
        for (Service service : model.services()) {
            service.supportedBy().stream().filter(distance::containsKey).mapToInt(distance::get).min()
                    .ifPresent(d -> serviceDistance.put(service.id(), d));
        }
        return serviceDistance.entrySet().stream()
                .sorted(Comparator.<Map.Entry<ServiceId, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> e.getKey().value()))
                .map(Map.Entry::getKey).toList();
    }

    @Test
    void aLongChainIsFollowedToItsEnd() {
        ConfigurationModel.Builder b = ConfigurationModel.builder(ACME);
        int length = 10_000;
        for (int i = 0; i < length; i++) {
            b.item(item(ACME, "n" + i));
            if (i > 0) {
                b.relationship(ci("n" + i), RUNS_ON, ci("n" + (i - 1)));
            }
        }
        b.relationship(ci("n0"), DEPENDS_ON, ci("n" + (length - 1)));
        List<ConfigurationItemId> impacted = b.build().impactedItems(ci("n0"));
        assertThat(impacted).hasSize(length - 1).startsWith(ci("n1"), ci("n2")).endsWith(ci("n" + (length - 1)));
    }

    @Test
    void anItemOfAnotherTenantIsRefused() {
        ConfigurationModel.Builder b = ConfigurationModel.builder(ACME).item(item(ACME, "web"))
                .item(item(GLOBEX, "db")).relationship(ci("web"), CONNECTS_TO, ci("db"));
        assertThatExceptionOfType(ValidationException.class).isThrownBy(b::build).satisfies(e -> {
            assertThat(e.subject()).isEqualTo("configuration model of tenant acme");
            assertThat(e.violations()).containsExactly(
                    new Violation("items[db].tenant", "globex",
                            "belongs to another tenant; every configuration item of this model belongs to tenant acme"),
                    new Violation("relationships[0].target", "db", "is not a configuration item of tenant acme,"
                            + " in the relationship 'web CONNECTS_TO db'; add the item first"));
        });
    }

    @Test
    void aRelationshipToAnUnknownItemIsRefusedAndNothingIsBuilt() {
        ConfigurationModel.Builder b = ConfigurationModel.builder(ACME).item(item(ACME, "web"))
                .relationship(ci("web"), RUNS_ON, ci("vm-9"))
                .relationship(ci("ghost"), DEPENDS_ON, ci("web"));
        assertThatExceptionOfType(ValidationException.class).isThrownBy(b::build)
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path, Violation::invalidValue)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("relationships[0].target", "vm-9"),
                                org.assertj.core.groups.Tuple.tuple("relationships[1].source", "ghost")));
    }

    @Test
    void servicesAndCatalogueItemsOfAnotherTenantOrWithUnknownReferencesAreRefused() {
        CatalogueItem laptop = CatalogueItem.builder(ACME, CatalogueItemId.of("laptop"), ServiceId.of("workplace"))
                .name("Laptop").build();
        CatalogueItem phone = CatalogueItem.builder(GLOBEX, CatalogueItemId.of("phone"), ServiceId.of("mail"))
                .name("Phone").build();
        ConfigurationModel.Builder b = ConfigurationModel.builder(ACME).item(item(ACME, "mx-1"))
                .service(service(ACME, "mail", "mx-1", "mx-2"))
                .service(service(GLOBEX, "crm"))
                .catalogueItem(laptop).catalogueItem(phone);
        assertThatExceptionOfType(ValidationException.class).isThrownBy(b::build)
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path).containsExactly(
                        "services[crm].tenant", "catalogueItems[phone].tenant", "services[mail].supportedBy",
                        "catalogueItems[laptop].service"));
    }

    @Test
    void anUnknownFailedItemIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> shop().impactedItems(ci("mainframe")))
                .withMessage("'mainframe' is not a configuration item of tenant acme; this model holds 7 items");
        assertThatIllegalArgumentException().isThrownBy(() -> shop().impactedServices(ci("mainframe")));
        assertThatIllegalArgumentException().isThrownBy(() -> shop().relationshipsOf(ci("mainframe")));
    }

    @Test
    void anItemCannotRelateToItself() {
        assertThatIllegalArgumentException().isThrownBy(() -> Relationship.of(ci("a"), DEPENDS_ON, ci("a")))
                .withMessage("a configuration item cannot relate to itself, got a DEPENDS_ON a");
    }

    @Test
    void upstreamIsTheEndWhoseFailureSpreads() {
        assertThat(Relationship.of(ci("app"), RUNS_ON, ci("vm")).upstream()).isEqualTo(ci("vm"));
        assertThat(Relationship.of(ci("app"), RUNS_ON, ci("vm")).downstream()).isEqualTo(ci("app"));
        assertThat(Relationship.of(ci("node"), PART_OF, ci("cluster")).upstream()).isEqualTo(ci("node"));
        assertThat(Relationship.of(ci("node"), PART_OF, ci("cluster")).downstream()).isEqualTo(ci("cluster"));
        assertThat(Relationship.of(ci("app"), CONNECTS_TO, ci("db"))).hasToString("app CONNECTS_TO db");
    }

    @Test
    void aModelDerivedThroughItsBuilderIsEqualAndRemovingAnItemRemovesItsRelationships() {
        ConfigurationModel shop = shop();
        assertThat(shop.toBuilder().build()).isEqualTo(shop).hasSameHashCodeAs(shop);
        ConfigurationModel withoutMonitoring = shop.toBuilder().removeItem(ci("monitoring")).build();
        assertThat(withoutMonitoring.items()).hasSize(6);
        assertThat(withoutMonitoring.relationships()).hasSize(5)
                .noneMatch(r -> r.source().equals(ci("monitoring")) || r.target().equals(ci("monitoring")));
        assertThat(shop.relationshipsOf(ci("vm-1"))).extracting(Relationship::toString)
                .containsExactly("web RUNS_ON vm-1", "vm-1 RUNS_ON host-1");
        ConfigurationModel withoutLink = shop.toBuilder()
                .removeRelationship(Relationship.of(ci("monitoring"), CONNECTS_TO, ci("host-1"))).build();
        assertThat(withoutLink.impactedItems(ci("host-1"))).doesNotContain(ci("monitoring"));
        assertThat(shop.item(ci("web")).map(ConfigurationItem::name)).contains("web");
        assertThat(shop.service(ServiceId.of("reporting"))).isPresent();
        assertThat(shop.catalogueItem(CatalogueItemId.of("nope"))).isEmpty();
        assertThat(shop).hasToString("ConfigurationModel[acme: 7 items, 6 relationships, 2 services, 0 catalogue items]");
    }

    @Test
    void aRelationshipAddedTwiceIsKeptOnce() {
        ConfigurationModel model = ConfigurationModel.builder(ACME).items(List.of(item(ACME, "a"), item(ACME, "b")))
                .relationship(ci("a"), DEPENDS_ON, ci("b")).relationship(ci("a"), DEPENDS_ON, ci("b")).build();
        assertThat(model.relationships()).hasSize(1);
        assertThat(model.items().stream().map(ConfigurationItem::id).collect(Collectors.toList()))
                .containsExactly(ci("a"), ci("b"));
    }
}
