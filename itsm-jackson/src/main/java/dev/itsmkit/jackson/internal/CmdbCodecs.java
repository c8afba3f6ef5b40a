package dev.itsmkit.jackson.internal;

import static dev.itsmkit.jackson.internal.CoreCodecs.CATALOGUE_ITEM_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.CONFIGURATION_ITEM_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.PARTY;
import static dev.itsmkit.jackson.internal.CoreCodecs.SERVICE_ID;
import static dev.itsmkit.jackson.internal.CoreCodecs.TENANT_ID;
import static dev.itsmkit.jackson.internal.Family.member;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.itsmkit.core.CustomFields;
import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.cmdb.CatalogueItem;
import dev.itsmkit.core.cmdb.ConfigurationItem;
import dev.itsmkit.core.cmdb.ConfigurationItemStatus;
import dev.itsmkit.core.cmdb.ConfigurationItemType;
import dev.itsmkit.core.cmdb.ConfigurationModel;
import dev.itsmkit.core.cmdb.Relationship;
import dev.itsmkit.core.cmdb.RelationshipType;
import dev.itsmkit.core.cmdb.RequiredApprovers;
import dev.itsmkit.core.cmdb.Service;
import dev.itsmkit.core.cmdb.ServiceCriticality;
import dev.itsmkit.core.cmdb.ServiceStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Codecs of services, the catalogue and the configuration model. */
final class CmdbCodecs {
    private CmdbCodecs() {}

    static final Codec<ConfigurationItemType> CI_TYPE = Scalars.text(ConfigurationItemType.class,
            "a configuration item type: 1 to 64 lower-case letters, digits and - _ . starting with a letter,"
                    + " such as \"server\"", ConfigurationItemType::of, ConfigurationItemType::value);
    static final Codec<ConfigurationItemStatus> CI_STATUS = Scalars.enumeration(ConfigurationItemStatus.class,
            "configuration item status");
    static final Codec<RelationshipType> RELATIONSHIP_TYPE = Scalars.enumeration(RelationshipType.class,
            "relationship type");
    static final Codec<ServiceStatus> SERVICE_STATUS = Scalars.enumeration(ServiceStatus.class, "service status");
    static final Codec<ServiceCriticality> SERVICE_CRITICALITY = Scalars.enumeration(ServiceCriticality.class,
            "service criticality");

    static final ObjectCodec<Relationship> RELATIONSHIP = ObjectCodec.of(Relationship.class, "a relationship",
            List.of("source", "type", "target"),
            (out, r) -> {
                out.value("source", CONFIGURATION_ITEM_ID, r.source());
                out.value("type", RELATIONSHIP_TYPE, r.type());
                out.value("target", CONFIGURATION_ITEM_ID, r.target());
            },
            in -> new Relationship(in.get("source", CONFIGURATION_ITEM_ID), in.get("type", RELATIONSHIP_TYPE),
                    in.get("target", CONFIGURATION_ITEM_ID)));

    // ---- required approvers: {"type": "quorum", "required": 2, "approvers": [...]}

    static final ObjectCodec<RequiredApprovers.None> NONE = ObjectCodec.of(RequiredApprovers.None.class,
            "no approval", List.of(), (out, n) -> { }, in -> RequiredApprovers.None.INSTANCE);
    static final ObjectCodec<RequiredApprovers.AnyOf> ANY_OF = ObjectCodec.of(RequiredApprovers.AnyOf.class,
            "an approval by any of the approvers", List.of("approvers"),
            (out, a) -> out.list("approvers", PARTY, a.approvers()),
            in -> new RequiredApprovers.AnyOf(approvers(in)));
    static final ObjectCodec<RequiredApprovers.AllOf> ALL_OF = ObjectCodec.of(RequiredApprovers.AllOf.class,
            "an approval by all of the approvers", List.of("approvers"),
            (out, a) -> out.list("approvers", PARTY, a.approvers()),
            in -> new RequiredApprovers.AllOf(approvers(in)));
    static final ObjectCodec<RequiredApprovers.Quorum> QUORUM = ObjectCodec.of(RequiredApprovers.Quorum.class,
            "an approval by a quorum of the approvers", List.of("required", "approvers"),
            (out, q) -> {
                out.integer("required", q.required());
                out.list("approvers", PARTY, q.approvers());
            },
            in -> new RequiredApprovers.Quorum(in.integer("required"), approvers(in)));
    static final ObjectCodec<RequiredApprovers.InSequence> IN_SEQUENCE = ObjectCodec.of(
            RequiredApprovers.InSequence.class, "an approval by each approver in turn", List.of("approvers"),
            (out, s) -> out.list("approvers", PARTY, s.approvers()),
            in -> new RequiredApprovers.InSequence(approvers(in)));

    static final Family<RequiredApprovers> REQUIRED_APPROVERS = Family.of(RequiredApprovers.class,
            "required approval", List.of(
                    member("none", NONE),
                    member("anyOf", ANY_OF),
                    member("allOf", ALL_OF),
                    member("quorum", QUORUM),
                    member("inSequence", IN_SEQUENCE)));

    private static List<dev.itsmkit.core.Party> approvers(Fields in) throws JsonMappingException {
        return in.required("approvers", "a list of parties").list(PARTY);
    }

    // ---- services, catalogue items, configuration items

    static final ObjectCodec<Service> SERVICE = ObjectCodec.of(Service.class, "a service",
            List.of("tenant", "id", "name", "description", "owner", "status", "criticality", "calendar",
                    "supportedBy"),
            (out, s) -> {
                out.value("tenant", TENANT_ID, s.tenant());
                out.value("id", SERVICE_ID, s.id());
                out.string("name", s.name());
                out.string("description", s.description());
                out.value("owner", PARTY, s.owner());
                out.value("status", SERVICE_STATUS, s.status());
                out.value("criticality", SERVICE_CRITICALITY, s.criticality());
                out.optionalString("calendar", s.calendar());
                out.list("supportedBy", CONFIGURATION_ITEM_ID, s.supportedBy());
            },
            in -> {
                Service.Builder b = Service.builder(in.get("tenant", TENANT_ID), in.get("id", SERVICE_ID))
                        .name(in.string("name"))
                        .description(in.string("description", ""))
                        .owner(in.get("owner", PARTY))
                        .status(in.get("status", SERVICE_STATUS))
                        .criticality(in.get("criticality", SERVICE_CRITICALITY))
                        .supportedBy(distinct(in, "supportedBy", CONFIGURATION_ITEM_ID, Function.identity()));
                in.optionalString("calendar").ifPresent(b::calendar);
                return b.build();
            });

    static final ObjectCodec<CatalogueItem> CATALOGUE_ITEM = ObjectCodec.of(CatalogueItem.class, "a catalogue item",
            List.of("tenant", "id", "service", "name", "description", "requestForm", "approval"),
            (out, c) -> {
                out.value("tenant", TENANT_ID, c.tenant());
                out.value("id", CATALOGUE_ITEM_ID, c.id());
                out.value("service", SERVICE_ID, c.service());
                out.string("name", c.name());
                out.string("description", c.description());
                out.value("requestForm", TicketCodecs.FIELD_SCHEMA, c.requestForm());
                out.value("approval", REQUIRED_APPROVERS, c.approval());
            },
            in -> CatalogueItem.builder(in.get("tenant", TENANT_ID), in.get("id", CATALOGUE_ITEM_ID),
                            in.get("service", SERVICE_ID))
                    .name(in.string("name"))
                    .description(in.string("description", ""))
                    .requestForm(in.get("requestForm", TicketCodecs.FIELD_SCHEMA, FieldSchema.OPEN))
                    .approval(in.get("approval", REQUIRED_APPROVERS, RequiredApprovers.none()))
                    .build());

    static final ObjectCodec<ConfigurationItem> CONFIGURATION_ITEM = ObjectCodec.of(ConfigurationItem.class,
            "a configuration item", List.of("tenant", "id", "name", "type", "status", "attributes"),
            (out, i) -> {
                out.value("tenant", TENANT_ID, i.tenant());
                out.value("id", CONFIGURATION_ITEM_ID, i.id());
                out.string("name", i.name());
                out.value("type", CI_TYPE, i.type());
                out.value("status", CI_STATUS, i.status());
                out.value("attributes", TicketCodecs.CUSTOM_FIELDS, i.attributes());
            },
            in -> ConfigurationItem.builder(in.get("tenant", TENANT_ID), in.get("id", CONFIGURATION_ITEM_ID))
                    .name(in.string("name"))
                    .type(in.get("type", CI_TYPE))
                    .status(in.get("status", CI_STATUS))
                    .attributes(in.get("attributes", TicketCodecs.CUSTOM_FIELDS, CustomFields.EMPTY))
                    .build());

    static final ObjectCodec<ConfigurationModel> CONFIGURATION_MODEL = ObjectCodec.of(ConfigurationModel.class,
            "a configuration model", List.of("tenant", "items", "services", "catalogueItems", "relationships"),
            (out, m) -> {
                out.value("tenant", TENANT_ID, m.tenant());
                out.list("items", CONFIGURATION_ITEM, m.items());
                out.list("services", SERVICE, m.services());
                out.list("catalogueItems", CATALOGUE_ITEM, m.catalogueItems());
                out.list("relationships", RELATIONSHIP, m.relationships());
            },
            in -> {
                ConfigurationModel.Builder b = ConfigurationModel.builder(in.get("tenant", TENANT_ID));
                // the builder keys by id, so a second entry with an id would silently replace the first
                distinct(in, "items", CONFIGURATION_ITEM, ConfigurationItem::id).forEach(b::item);
                distinct(in, "services", SERVICE, Service::id).forEach(b::service);
                distinct(in, "catalogueItems", CATALOGUE_ITEM, CatalogueItem::id).forEach(b::catalogueItem);
                distinct(in, "relationships", RELATIONSHIP, Function.identity()).forEach(b::relationship);
                return b.build();
            });

    /** Reads a list whose elements must be distinct by a key, naming the first duplicate. */
    private static <T, K> List<T> distinct(Fields in, String name, Codec<T> codec, Function<T, K> key)
            throws JsonMappingException {
        List<T> values = in.list(name, codec);
        Set<K> seen = new HashSet<>();
        for (T value : values) {
            K k = key.apply(value);
            if (!seen.add(k)) {
                throw Errors.duplicate(in.source(), in.type(), in.description(), name, k.toString());
            }
        }
        return values;
    }
}
