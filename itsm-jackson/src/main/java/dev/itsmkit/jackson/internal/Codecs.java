package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import java.util.ArrayList;
import java.util.List;

/**
 * Every codec, registered with Jackson by {@link dev.itsmkit.jackson.ItsmKitJacksonModule}. A sealed
 * family is registered for its interface and for each member, so that a value declared as a member
 * (a {@code FieldValue.Text}) is written and read in the same form, with its discriminator.
 */
public final class Codecs {
    private Codecs() {}

    /** Instant, Duration, LocalDate and BigDecimal are not registered: they belong to the application. */
    private static List<Codec<?>> all() {
        List<Codec<?>> codecs = new ArrayList<>(List.of(
                CoreCodecs.TENANT_ID, CoreCodecs.TICKET_ID, CoreCodecs.SERVICE_ID, CoreCodecs.CONFIGURATION_ITEM_ID,
                CoreCodecs.CATALOGUE_ITEM_ID, CoreCodecs.TICKET_NUMBER, CoreCodecs.PARTY, CoreCodecs.PRIORITY,
                CoreCodecs.IMPACT, CoreCodecs.URGENCY, CoreCodecs.TICKET_KIND, CoreCodecs.STATE_CATEGORY,
                CoreCodecs.PARTY_KIND, CoreCodecs.HOLD_REASON, CoreCodecs.CHANGE_TYPE, CoreCodecs.CHANGE_RISK,
                CoreCodecs.LINK_TYPE, CoreCodecs.JOURNAL_ENTRY_KIND, CoreCodecs.VERDICT, CoreCodecs.FIELD_TYPE,
                CoreCodecs.TICKET_STATE, CoreCodecs.PRIORITY_DECISION, CoreCodecs.MATRIX, CoreCodecs.VIOLATION,
                TicketCodecs.CUSTOM_FIELDS, TicketCodecs.FIELD_DEFINITION, TicketCodecs.FIELD_SCHEMA,
                TicketCodecs.FIELD_CHANGE, TicketCodecs.TIME_WINDOW, TicketCodecs.TICKET_REF, TicketCodecs.LINK,
                TicketCodecs.ATTACHMENT, TicketCodecs.JOURNAL_ENTRY, TicketCodecs.APPROVAL_DECISION,
                TicketCodecs.APPROVAL, TicketCodecs.TICKET,
                TimingCodecs.TIMER_ID, TimingCodecs.CLOCK_STATUS, TimingCodecs.PAUSE, TimingCodecs.THRESHOLD_CROSSING,
                TimingCodecs.DUE_TIMER, TimingCodecs.SLA_CLOCK,
                CmdbCodecs.CI_TYPE, CmdbCodecs.CI_STATUS, CmdbCodecs.RELATIONSHIP_TYPE, CmdbCodecs.SERVICE_STATUS,
                CmdbCodecs.SERVICE_CRITICALITY, CmdbCodecs.RELATIONSHIP, CmdbCodecs.SERVICE, CmdbCodecs.CATALOGUE_ITEM,
                CmdbCodecs.CONFIGURATION_ITEM, CmdbCodecs.CONFIGURATION_MODEL,
                EventCodecs.OUTBOX_ENTRY_ID, EventCodecs.NOTICE, EventCodecs.OUTBOX_ENTRY));
        addFamily(codecs, TicketCodecs.FIELD_VALUE);
        addFamily(codecs, TicketCodecs.TICKET_DETAILS);
        addFamily(codecs, CmdbCodecs.REQUIRED_APPROVERS);
        addFamily(codecs, EventCodecs.TICKET_EVENT);
        addFamily(codecs, CommandCodecs.TICKET_COMMAND);
        // its members are registered with the family of every command, in the same form
        codecs.add(CommandCodecs.EXISTING_TICKET_COMMAND);
        return codecs;
    }

    private static <T> void addFamily(List<Codec<?>> codecs, Family<T> family) {
        codecs.add(family);
        for (Family.Member<? extends T> member : family.members()) {
            codecs.add(memberCodec(family, member));
        }
    }

    private static <T, M extends T> Codec<M> memberCodec(Family<T> family, Family.Member<M> member) {
        return family.memberCodec(member.codec().type());
    }

    /**
     * Registers a serializer and a deserializer for every domain type.
     *
     * @param serializers where the serializers go
     * @param deserializers where the deserializers go
     */
    public static void register(SimpleSerializers serializers, SimpleDeserializers deserializers) {
        for (Codec<?> codec : all()) {
            register(serializers, deserializers, codec);
        }
    }

    private static <T> void register(SimpleSerializers serializers, SimpleDeserializers deserializers,
            Codec<T> codec) {
        serializers.addSerializer(codec.type(), new CodecSerializer<>(codec));
        deserializers.addDeserializer(codec.type(), new CodecDeserializer<>(codec));
    }

    /**
     * Returns the stable names of the members of each sealed family, for documentation and tests.
     *
     * @return by family interface, the {@code type} discriminator of each member, in declaration order
     */
    public static java.util.Map<Class<?>, List<String>> discriminators() {
        java.util.Map<Class<?>, List<String>> names = new java.util.LinkedHashMap<>();
        for (Family<?> family : List.of(TicketCodecs.FIELD_VALUE, TicketCodecs.TICKET_DETAILS,
                CmdbCodecs.REQUIRED_APPROVERS, EventCodecs.TICKET_EVENT, CommandCodecs.TICKET_COMMAND)) {
            names.put(family.type(), family.names());
        }
        return names;
    }
}
