package dev.itsmkit.core.event;

import static dev.itsmkit.core.testing.DomainGenerators.events;
import static dev.itsmkit.core.testing.DomainGenerators.histories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ReferenceFormTest {
    @Test
    void sameAsReference() {
        qt().withExamples(20000).forAll(events()).checkAssert(e -> {
            assertThat(TicketEvents.canonicalForm(e)).isEqualTo(ReferenceCanonicalForm.of(e));
            try {
                MessageDigest a = MessageDigest.getInstance("SHA-256");
                MessageDigest b = MessageDigest.getInstance("SHA-256");
                TicketEvents.updateDigest(a, e);
                ReferenceCanonicalForm.digest(b, e);
                assertThat(a.digest()).isEqualTo(b.digest());
            } catch (java.security.NoSuchAlgorithmException x) {
                throw new IllegalStateException(x);
            }
        });
        qt().withExamples(500).forAll(histories()).checkAssert(h -> {
            for (TicketEvent e : h.events()) {
                assertThat(TicketEvents.canonicalForm(e)).isEqualTo(ReferenceCanonicalForm.of(e));
            }
        });
    }
}
