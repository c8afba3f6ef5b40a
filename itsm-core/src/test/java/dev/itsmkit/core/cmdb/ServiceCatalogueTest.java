package dev.itsmkit.core.cmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.CustomFields;
import dev.itsmkit.core.FieldDefinition;
import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.FieldType;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.TenantId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceCatalogueTest {
    private static final TenantId ACME = TenantId.of("acme");

    private static Service mail() {
        return Service.builder(ACME, ServiceId.of("mail")).name("E-mail").description("Mail for everyone")
                .owner(Party.group("messaging")).status(ServiceStatus.LIVE).criticality(ServiceCriticality.HIGH)
                .calendar("office-hours-emea").supportedBy(ConfigurationItemId.of("mx-1"), ConfigurationItemId.of("mx-2"))
                .build();
    }

    @Test
    void aServiceKeepsWhatItWasBuiltWith() {
        Service mail = mail();
        assertThat(mail.tenant()).isEqualTo(ACME);
        assertThat(mail.id()).isEqualTo(ServiceId.of("mail"));
        assertThat(mail.name()).isEqualTo("E-mail");
        assertThat(mail.description()).isEqualTo("Mail for everyone");
        assertThat(mail.owner()).isEqualTo(Party.group("messaging"));
        assertThat(mail.status()).isEqualTo(ServiceStatus.LIVE);
        assertThat(mail.criticality()).isEqualTo(ServiceCriticality.HIGH);
        assertThat(mail.calendar()).contains("office-hours-emea");
        assertThat(mail.supportedBy()).containsExactly(ConfigurationItemId.of("mx-1"), ConfigurationItemId.of("mx-2"));
        assertThat(mail.toBuilder().build()).isEqualTo(mail).hasSameHashCodeAs(mail).hasToString(mail.toString());
        assertThat(mail.toBuilder().status(ServiceStatus.RETIRED).build()).isNotEqualTo(mail);
    }

    @Test
    void aServiceHasDefaultsForWhatIsOptional() {
        Service minimal = Service.builder(ACME, ServiceId.of("wiki")).name("Wiki").owner(Party.person("ann")).build();
        assertThat(minimal.status()).isEqualTo(ServiceStatus.LIVE);
        assertThat(minimal.criticality()).isEqualTo(ServiceCriticality.MEDIUM);
        assertThat(minimal.calendar()).isEmpty();
        assertThat(minimal.description()).isEmpty();
        assertThat(minimal.supportedBy()).isEmpty();
    }

    @Test
    void aServiceWithoutANameOrOwnerIsNotBuilt() {
        assertThatIllegalStateException().isThrownBy(() -> Service.builder(ACME, ServiceId.of("wiki"))
                .owner(Party.person("ann")).build()).withMessage("service wiki needs a name; none was given");
        assertThatIllegalStateException().isThrownBy(() -> Service.builder(ACME, ServiceId.of("wiki"))
                .name("Wiki").build()).withMessage("service wiki needs an owner; none was given");
        assertThatIllegalArgumentException().isThrownBy(() -> Service.builder(ACME, ServiceId.of("wiki")).name(" "))
                .withMessage("the name of service wiki must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> Service.builder(ACME, ServiceId.of("wiki"))
                .calendar("office hours")).withMessageContaining("calendar name 'office hours'");
        assertThatNullPointerException().isThrownBy(() -> Service.builder(ACME, ServiceId.of("wiki")).owner(null));
    }

    @Test
    void aCatalogueItemCarriesItsRequestFormAndItsApprovers() {
        FieldSchema form = FieldSchema.of(FieldDefinition.builder("costCentre", FieldType.TEXT).required(true).build());
        RequiredApprovers approvers = RequiredApprovers.inSequence(Party.person("line-manager"), Party.group("it-finance"));
        CatalogueItem laptop = CatalogueItem.builder(ACME, CatalogueItemId.of("laptop"), ServiceId.of("workplace"))
                .name("Laptop").description("A standard laptop").requestForm(form).approval(approvers).build();
        assertThat(laptop.service()).isEqualTo(ServiceId.of("workplace"));
        assertThat(laptop.requestForm()).isEqualTo(form);
        assertThat(laptop.approval()).isEqualTo(approvers);
        assertThat(laptop.requestForm().violationsOf(CustomFields.EMPTY)).hasSize(1);
        assertThat(laptop.requestForm().violationsOf(CustomFields.of(Map.of("costCentre", FieldValue.of("CC-1")))))
                .isEmpty();
        assertThat(laptop.toBuilder().build()).isEqualTo(laptop).hasSameHashCodeAs(laptop);
        assertThat(laptop.toBuilder().name("Laptop XL").build()).isNotEqualTo(laptop);

        CatalogueItem plain = CatalogueItem.builder(ACME, CatalogueItemId.of("mouse"), ServiceId.of("workplace"))
                .name("Mouse").build();
        assertThat(plain.approval()).isEqualTo(RequiredApprovers.none());
        assertThat(plain.requestForm()).isEqualTo(FieldSchema.OPEN);
        assertThatIllegalStateException().isThrownBy(() -> CatalogueItem.builder(ACME, CatalogueItemId.of("x"),
                ServiceId.of("workplace")).build()).withMessage("catalogue item x needs a name; none was given");
    }

    @Test
    void eachFormOfRequiredApproversKeepsItsApproversInOrder() {
        Party ann = Party.person("ann");
        Party cab = Party.group("cab");
        assertThat(RequiredApprovers.none().approvers()).isEmpty();
        assertThat(RequiredApprovers.anyOf(ann, cab)).isInstanceOf(RequiredApprovers.AnyOf.class)
                .extracting(RequiredApprovers::approvers).isEqualTo(List.of(ann, cab));
        assertThat(RequiredApprovers.allOf(cab, ann)).isInstanceOf(RequiredApprovers.AllOf.class)
                .extracting(RequiredApprovers::approvers).isEqualTo(List.of(cab, ann));
        assertThat(RequiredApprovers.quorum(2, ann, cab, Party.person("bob"))).isEqualTo(
                new RequiredApprovers.Quorum(2, List.of(ann, cab, Party.person("bob"))));
        assertThat(RequiredApprovers.inSequence(ann, cab)).isInstanceOf(RequiredApprovers.InSequence.class);
    }

    @Test
    void requiredApproversThatCannotBeMetAreRefused() {
        Party ann = Party.person("ann");
        assertThatIllegalArgumentException().isThrownBy(RequiredApprovers::anyOf)
                .withMessage("an approval 'any of' needs at least one approver");
        assertThatIllegalArgumentException().isThrownBy(() -> RequiredApprovers.allOf(ann, ann))
                .withMessage("approver person:ann is listed twice in an approval 'all of'; each approver appears once");
        assertThatIllegalArgumentException().isThrownBy(() -> RequiredApprovers.quorum(3, ann, Party.person("bob")))
                .withMessage("a quorum needs 1 to 2 approvals (the number of approvers), got 3");
        assertThatIllegalArgumentException().isThrownBy(() -> RequiredApprovers.quorum(0, ann))
                .withMessageContaining("got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> RequiredApprovers.inSequence(Party.system("bot")))
                .withMessage("an approver is a person or a group, got system:bot");
    }

    @Test
    void aConfigurationItemKeepsItsTypeStatusAndAttributes() {
        ConfigurationItem vm = ConfigurationItem.builder(ACME, ConfigurationItemId.of("vm-1")).name("vm-1.acme.local")
                .type(ConfigurationItemType.VIRTUAL_MACHINE).status(ConfigurationItemStatus.MAINTENANCE)
                .attribute("cpus", FieldValue.of(4)).attribute("os", FieldValue.of("linux")).build();
        assertThat(vm.tenant()).isEqualTo(ACME);
        assertThat(vm.type()).isEqualTo(ConfigurationItemType.of("virtual-machine"));
        assertThat(vm.status()).isEqualTo(ConfigurationItemStatus.MAINTENANCE);
        assertThat(vm.attributes().get("cpus")).contains(FieldValue.of(4));
        assertThat(vm.toBuilder().build()).isEqualTo(vm).hasSameHashCodeAs(vm).hasToString(vm.toString());
        assertThat(vm.toBuilder().attributes(CustomFields.EMPTY).build().attributes().isEmpty()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> ConfigurationItem.builder(ACME, ConfigurationItemId.of("x"))
                .name("x").build()).withMessage("configuration item x needs a type; none was given");
    }

    @Test
    void aConfigurationItemTypeIsALowerCaseName() {
        assertThat(ConfigurationItemType.of("load-balancer_v2.1")).hasToString("load-balancer_v2.1");
        for (String bad : List.of("", "Server", "1server", "web server", "x".repeat(65))) {
            assertThatIllegalArgumentException().isThrownBy(() -> ConfigurationItemType.of(bad))
                    .withMessageContaining("a configuration item type is 1 to 64 characters");
        }
    }
}
