package dev.itsmkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketKind;
import org.junit.jupiter.api.Test;

class LifecycleCatalogTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    private static Lifecycle quick(String id) {
        return Lifecycle.builder(id, TicketKind.INCIDENT).initialState("NEW", StateCategory.NEW).state("DONE", StateCategory.CLOSED)
                .transition(Transition.builder("finish").from("NEW").to("DONE")).build();
    }

    @Test
    void everyKindStartsWithItsBuiltInItilLifecycle() {
        LifecycleCatalog catalog = LifecycleCatalog.itil();
        for (TicketKind kind : TicketKind.values()) {
            assertThat(catalog.lifecycle(ACME, kind)).isEqualTo(Lifecycles.itil(kind));
            assertThat(catalog.tenantLifecycle(ACME, kind)).isEmpty();
        }
    }

    @Test
    void aTenantsOwnLifecycleReplacesTheDefaultForThatTenantOnly() {
        LifecycleCatalog catalog = LifecycleCatalog.itil().register(ACME, quick("acme-incident"));
        assertThat(catalog.lifecycle(ACME, TicketKind.INCIDENT).id()).isEqualTo("acme-incident");
        assertThat(catalog.tenantLifecycle(ACME, TicketKind.INCIDENT)).isPresent();
        assertThat(catalog.lifecycle(ACME, TicketKind.CHANGE).id()).isEqualTo("itil-change");
        assertThat(catalog.lifecycle(GLOBEX, TicketKind.INCIDENT).id()).isEqualTo("itil-incident");
        assertThat(catalog.unregister(ACME, TicketKind.INCIDENT)).isTrue();
        assertThat(catalog.unregister(ACME, TicketKind.INCIDENT)).isFalse();
        assertThat(catalog.unregister(GLOBEX, TicketKind.INCIDENT)).isFalse();
        assertThat(catalog.lifecycle(ACME, TicketKind.INCIDENT).id()).isEqualTo("itil-incident");
    }

    @Test
    void aNewDefaultGovernsEveryTenantWithoutItsOwn() {
        LifecycleCatalog catalog = LifecycleCatalog.itil().register(ACME, quick("acme-incident")).registerDefault(quick("house-incident"));
        assertThat(catalog.lifecycle(GLOBEX, TicketKind.INCIDENT).id()).isEqualTo("house-incident");
        assertThat(catalog.lifecycle(ACME, TicketKind.INCIDENT).id()).isEqualTo("acme-incident");
        assertThat(catalog.toString()).contains("acme");
    }

    @Test
    void twoCataloguesAreIndependent() {
        LifecycleCatalog first = LifecycleCatalog.itil();
        LifecycleCatalog second = LifecycleCatalog.itil();
        first.registerDefault(quick("changed"));
        assertThat(second.lifecycle(ACME, TicketKind.INCIDENT).id()).isEqualTo("itil-incident");
    }
}
