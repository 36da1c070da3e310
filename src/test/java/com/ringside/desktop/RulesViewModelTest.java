package com.ringside.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.desktop.rules.RulesService;
import com.ringside.desktop.rules.RulesViewModel;
import com.ringside.desktop.support.Background;
import com.ringside.domain.ContactRule;
import com.ringside.domain.UserRole;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesViewModelTest {
    @TempDir
    Path dir;

    @Test
    void agentsSeeTheRulesButCannotChangeThem() {
        try (DeskSession session = DeskSession.open(dir, Clock.systemUTC(), new DeskUser(UUID.randomUUID(), "Sam",
                UserRole.AGENT), number -> { })) {
            RulesViewModel rules = new RulesViewModel(new RulesService(session), Background.inline(), UserRole.AGENT);
            rules.load();
            List<ContactRule> before = session.rules().current();
            assertThat(rules.rules()).hasSize(before.size()).isNotEmpty();
            assertThat(rules.editable()).isFalse();

            rules.select(rules.rules().get(0));
            rules.form().name.set("Renamed by an agent");
            rules.save();
            rules.setEnabled(rules.rules().get(0), false);

            assertThat(session.rules().current()).isEqualTo(before);
        }
    }
}
