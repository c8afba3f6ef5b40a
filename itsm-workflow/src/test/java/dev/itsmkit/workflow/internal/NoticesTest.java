package dev.itsmkit.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.outbox.Notice;
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
    void pastTheKeptNumberOfNamesEachNoticeIsStillTheRightOne() {
        Notices notices = new Notices();
        for (int i = 0; i < Notices.KEPT + 10; i++) {
            String name = "notification-" + i;
            Notice notice = notices.named(name);
            assertThat(notice).isEqualTo(Notice.named(name));
        }
        assertThat(notices.named("notification-0")).isSameAs(notices.named("notification-0"));
        assertThat(notices.named("notification-" + (Notices.KEPT + 5)))
                .isNotSameAs(notices.named("notification-" + (Notices.KEPT + 5)));
    }
}
