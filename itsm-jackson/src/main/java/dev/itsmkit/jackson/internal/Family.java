package dev.itsmkit.jackson.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A codec of a sealed family: a JSON object whose {@code type} property names the member with a stable
 * name, followed by the member's own properties.
 *
 * @param <T> the sealed interface
 */
final class Family<T> implements Codec<T> {
    static final String DISCRIMINATOR = "type";

    /** One member of the family and its stable name. */
    record Member<M>(String name, ObjectCodec<M> codec) {}

    private final Class<T> type;
    private final String what;
    private final List<Member<? extends T>> members;
    private final List<String> names;

    private Family(Class<T> type, String what, List<Member<? extends T>> members) {
        this.type = type;
        this.what = what;
        this.members = List.copyOf(members);
        this.names = this.members.stream().map(Member::name).toList();
    }

    /**
     * Returns the codec of a family.
     *
     * @param type the sealed interface
     * @param what what the family is called, for messages, for example "field value"
     * @param members every member, each with its stable name
     */
    static <T> Family<T> of(Class<T> type, String what, List<Member<? extends T>> members) {
        return new Family<>(type, what, members);
    }

    static <M> Member<M> member(String name, ObjectCodec<M> codec) {
        return new Member<>(name, codec);
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public String description() {
        return "a " + what + ": an object whose \"type\" is one of " + names;
    }

    List<String> names() {
        return names;
    }

    List<Member<? extends T>> members() {
        return members;
    }

    @Override
    public void write(JsonGenerator g, T value) throws IOException {
        for (Member<? extends T> member : members) {
            if (member.codec().type().isInstance(value)) {
                writeAs(g, member, value);
                return;
            }
        }
        throw new IllegalStateException("no JSON form for " + value.getClass().getName() + " as a " + what);
    }

    private static <M> void writeAs(JsonGenerator g, Member<M> member, Object value) throws IOException {
        g.writeStartObject();
        g.writeStringField(DISCRIMINATOR, member.name());
        member.codec().writeProperties(new Out(g), member.codec().type().cast(value));
        g.writeEndObject();
    }

    @Override
    public T read(Source in) throws JsonMappingException {
        return readMember(in, memberOf(in));
    }

    private Member<? extends T> memberOf(Source in) throws JsonMappingException {
        if (!in.node().isObject()) {
            throw Errors.wrongType(in, type, description());
        }
        JsonNode node = in.node().get(DISCRIMINATOR);
        if (node == null || node.isNull()) {
            throw Errors.missing(in, type, "a " + what, DISCRIMINATOR, "one of " + names);
        }
        Source name = in.child(type, DISCRIMINATOR, node);
        String given = name.text(type, "one of " + names);
        for (Member<? extends T> member : members) {
            if (member.name().equals(given)) {
                return member;
            }
        }
        throw Errors.unknownVariant(name, type, what, given, names);
    }

    private static <M> M readMember(Source in, Member<M> member) throws JsonMappingException {
        List<String> properties = new ArrayList<>();
        properties.add(DISCRIMINATOR);
        properties.addAll(member.codec().properties());
        return member.codec().read(in.object(member.codec().type(), member.codec().description(), properties));
    }

    /**
     * Returns the codec of one member, for a value declared as that member: written with its
     * discriminator like any member, and read only if the discriminator names it.
     */
    <M extends T> Codec<M> memberCodec(Class<M> memberType) {
        Optional<Member<? extends T>> found = members.stream().filter(m -> m.codec().type() == memberType)
                .findFirst();
        Member<? extends T> member = found.orElseThrow(() -> new IllegalArgumentException(
                memberType + " is not a member of " + type));
        Family<T> family = this;
        return new Codec<>() {
            @Override
            public Class<M> type() {
                return memberType;
            }

            @Override
            public String description() {
                return member.codec().description();
            }

            @Override
            public void write(JsonGenerator g, M value) throws IOException {
                family.write(g, value);
            }

            @Override
            public M read(Source in) throws JsonMappingException {
                Member<? extends T> given = family.memberOf(in);
                if (given != member) {
                    throw Errors.unknownVariant(in.child(memberType, DISCRIMINATOR, in.node().get(DISCRIMINATOR)),
                            memberType, member.codec().description() + " (only \"" + member.name() + "\" here)",
                            given.name(), List.of(member.name()));
                }
                return memberType.cast(readMember(in, member));
            }
        };
    }
}
