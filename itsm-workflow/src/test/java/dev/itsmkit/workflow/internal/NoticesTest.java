package dev.itsmkit.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.outbox.Notice;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticesTest {
    @Test
    void aNamedNoticeIsTheNoticeByNameAloneAndIsMadeOncePerName() {
        Notices notices = new Notices();
        Notice resolved = notices.named("incident-resolved");
        assertThat(resolved).isEqualTo(Notice.named("incident-resolved"));
        assertThat(notices.named("incident-resolved")).isSameAs(resolved);
        assertThat(notices.named("incident-reopened")).isEqualTo(Notice.named("incident-reopened")).isNotSameAs(resolved);
    }

    @Test
    void theOptionalOfAKeptNoticeIsSharedAndAnyOtherNoticeGetsItsOwn() {
        Notices notices = new Notices();
        Notice kept = notices.named("incident-resolved");
        assertThat(notices.asked(kept)).contains(kept).isSameAs(notices.asked(kept));
        // an equal notice that is not the kept instance, and a notice with recipients of the same name
        Notice equal = Notice.named("incident-resolved");
        assertThat(notices.asked(equal)).containsSame(equal);
        Notice paged = Notice.of("incident-resolved", "pager", Party.person("ann"));
        assertThat(notices.asked(paged)).containsSame(paged);
        Notice unknown = Notice.named("never-named");
        assertThat(notices.asked(unknown)).isEqualTo(Optional.of(unknown));
    }

    @Test
    void pastTheKeptNumberOfNamesEachNoticeIsStillTheRightOne() {
        Notices notices = new Notices();
        for (int i = 0; i < Notices.KEPT + 10; i++) {
            String name = "notification-" + i;
            Notice notice = notices.named(name);
            assertThat(notice).isEqualTo(Notice.named(name));
            assertThat(notices.asked(notice)).contains(notice);
        }
        assertThat(notices.named("notification-0")).isSameAs(notices.named("notification-0"));
        assertThat(notices.named("notification-" + (Notices.KEPT + 5)))
                .isNotSameAs(notices.named("notification-" + (Notices.KEPT + 5)));
    }
}
