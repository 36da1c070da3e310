package com.ringside.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.desktop.rules.RulesService;
import com.ringside.desktop.rules.RulesViewModel;
import com.ringside.desktop.rules.RulesWindow;
import com.ringside.desktop.support.FxBackground;
import com.ringside.domain.ContactRule;
import com.ringside.domain.UserRole;
import com.ringside.testing.Fx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A supervisor edits rules: validation at the field, presets, versions, on and off, and the preview. */
@ExtendWith(ApplicationExtension.class)
class RulesWindowTest {
    static final Clock DEMO_NOON = Clock.fixed(Instant.parse("2026-03-08T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;
    DeskSession session;

    @Start
    void start(Stage stage) {
        session = DeskSession.open(dataDir, DEMO_NOON, new DeskUser(UUID.randomUUID(), "Sky", UserRole.SUPERVISOR),
                number -> { });
        RulesWindow window = new RulesWindow(new RulesViewModel(new RulesService(session), new FxBackground(),
                UserRole.SUPERVISOR), ZoneOffset.UTC);
        Fx.show(stage, window.root());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void badValuesAreNamedAtTheirFieldAndNothingIsSaved(FxRobot robot) throws Exception {
        ListView<ContactRule> list = robot.lookup("#rule-list").queryListView();
        robot.interact(() -> list.getItems().setAll(session.rules().current()));
        int before = session.rules().current().size();
        robot.interact(() -> list.getSelectionModel().select(indexOf(list, "Company: 3 calls in 7 days")));
        assertThat(robot.lookup("#rule-cap-max").queryAs(TextField.class).getText()).isEqualTo("3");

        robot.doubleClickOn("#rule-cap-max").write("0");
        robot.clickOn("#rule-save");
        Label capError = robot.lookup("#error-rule-attemptCap-max").queryAs(Label.class);
        Fx.waitUntil(capError::isVisible);
        assertThat(capError.getText()).isEqualTo("must be at least 1");
        assertThat(robot.lookup("#rule-error").queryAs(Label.class).getText()).startsWith("Check rule.attemptCap.max");

        robot.doubleClickOn("#rule-cap-max").write("3");
        robot.doubleClickOn("#rule-cap-window").write("0");
        robot.clickOn("#rule-save");
        Fx.waitUntil(() -> robot.lookup("#error-rule-attemptCap-window").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#error-rule-attemptCap-window").queryAs(Label.class).getText())
                .isEqualTo("must be longer than zero");

        robot.doubleClickOn("#rule-cap-window").write("7");
        focus(robot, "#rule-countries");
        robot.write("XX");
        robot.clickOn("#rule-save");
        Fx.waitUntil(() -> robot.lookup("#error-rule-appliesTo-countries").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#error-rule-appliesTo-countries").queryAs(Label.class).getText())
                .isEqualTo("'XX' is not an ISO country code");

        focus(robot, "#rule-countries");
        robot.push(KeyCode.END).eraseText(2);
        focus(robot, "#rule-hours-MONDAY");
        robot.clickOn("#rule-hours-on");
        robot.clickOn("#rule-hours-MONDAY").write("21:00-08:00");
        robot.clickOn("#rule-save");
        Fx.waitUntil(() -> robot.lookup("#error-rule-callingHours-MONDAY").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#error-rule-callingHours-MONDAY").queryAs(Label.class).getText())
                .contains("21:00-08:00 ends before it starts");
        assertThat(session.rules().current()).hasSize(before).allSatisfy(rule -> assertThat(rule.version()).isEqualTo(1));
    }

    @Test
    void aPresetSavedBecomesARuleAndEditsMakeNewVersions(FxRobot robot) throws Exception {
        robot.clickOn("#rule-presets").clickOn("#preset-FLORIDA");
        assertThat(robot.lookup("#rule-name").queryAs(TextField.class).getText()).isEqualTo("Florida 3 per 24 h, 8:00-20:00");
        robot.clickOn("#rule-save");
        Fx.waitUntil(() -> session.rules().current().stream().anyMatch(rule -> rule.name().startsWith("Florida")));

        robot.doubleClickOn("#rule-cap-max").write("2");
        robot.clickOn("#rule-save");
        Fx.waitUntil(() -> session.rules().current().stream().anyMatch(rule -> rule.name().startsWith("Florida")
                && rule.version() == 2 && rule.attemptCap().max() == 2));
        assertThat(robot.lookup("#rule-status").queryAs(Label.class).getText())
                .isEqualTo("Saved \"Florida 3 per 24 h, 8:00-20:00\" as version 2.");
    }

    @Test
    void thePreviewCountsWhatTheRuleWouldHaveBlockedInTheLast30Days(FxRobot robot) throws Exception {
        ListView<ContactRule> list = robot.lookup("#rule-list").queryListView();
        robot.interact(() -> list.getItems().setAll(session.rules().current()));
        robot.interact(() -> list.getSelectionModel().select(indexOf(list, "Company: 3 calls in 7 days")));
        robot.doubleClickOn("#rule-cap-max").write("1");
        robot.clickOn("#rule-preview");
        Label summary = robot.lookup("#preview-summary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> summary.getText().startsWith("Against"));
        assertThat(summary.getText()).matches("Against the last 30 days of history in the cache, \"Company: 3 calls in 7 "
                + "days\" would have blocked [1-9][0-9,]* calls to [1-9][0-9,]* customers\\.");
        assertThat(robot.lookup("#preview-hits").queryListView().getItems()).isNotEmpty();
    }

    /** Moves the keyboard focus to a field, as Tab would; the editor scrolls it into view. */
    private static void focus(FxRobot robot, String query) {
        robot.interact(() -> robot.lookup(query).query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int indexOf(ListView<ContactRule> list, String name) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not listed");
    }

}
