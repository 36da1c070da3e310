package com.ringside.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.cache.SearchHit;
import com.ringside.cache.TimelineEntry;
import com.ringside.desktop.support.FxBackground;
import com.ringside.domain.LineOfBusiness;
import com.ringside.testing.Fx;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.UserRole;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** The desk as an agent uses it: a real window over a real cache filled with the demo company. */
@ExtendWith(ApplicationExtension.class)
class DeskWindowTest {
    static final LocalDate DEMO_DAY = LocalDate.of(2026, 3, 8);
    @TempDir
    static Path dataDir;
    static DeskSession session;
    static final List<PhoneNumber> DIALLED = new CopyOnWriteArrayList<>();
    final FxBackground background = new FxBackground();

    @BeforeAll
    static void openCache() {
        Clock clock = Clock.fixed(DEMO_DAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        session = DeskSession.open(dataDir, clock, new DeskUser(UUID.randomUUID(), "Sam", UserRole.AGENT), DIALLED::add);
    }

    @AfterAll
    static void closeCache() {
        session.close();
    }

    @Start
    void start(Stage stage) {
        Fx.showDesk(stage, session);
    }

    @Test
    void aNumberTypedInAnotherFormatPopsTheRightCustomerWithTheirCountsAndTimeline(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("(415) 555-0123");
        ListView<SearchHit> results = robot.lookup("#search-results").queryListView();
        Fx.waitUntil(() -> results.getItems().stream().anyMatch(hit -> hit.displayName().equals("Ana Ruiz")));

        robot.type(KeyCode.DOWN);
        int ana = indexOf(results, "Ana Ruiz");
        robot.interact(() -> results.getSelectionModel().select(ana));
        robot.type(KeyCode.ENTER);

        Label name = robot.lookup("#customer-name").queryAs(Label.class);
        Fx.waitUntil(() -> "Ana Ruiz".equals(name.getText()));
        assertThat(robot.lookup("#customer-relationship").queryAs(Label.class).getText())
                .isEqualTo("Customer of Insurance since Apr 2021, Financing since Jun 2025");
        assertThat(robot.lookup("#stat-7d").queryAs(Label.class).getText()).isEqualTo("2");
        assertThat(robot.lookup("#stat-24h").queryAs(Label.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#calls-by-line").queryAs(Label.class).getText())
                .endsWith("by line: Insurance 1, Financing 1");

        TableView<TimelineEntry> timeline = robot.lookup("#timeline-table").queryTableView();
        Fx.waitUntil(() -> !timeline.getItems().isEmpty());
        assertThat(timeline.getItems()).extracting(e -> e.event().lineOfBusiness())
                .contains(LineOfBusiness.INSURANCE, LineOfBusiness.FINANCING);

        robot.clickOn("#timeline-line");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("Financing")).<Node>query());
        Fx.waitUntil(() -> !timeline.getItems().isEmpty() && timeline.getItems().stream()
                .allMatch(e -> e.event().lineOfBusiness() == LineOfBusiness.FINANCING));
        assertThat(robot.lookup("#timeline-footer").queryAs(Label.class).getText())
                .isEqualTo("Showing " + timeline.getItems().size() + " of " + timeline.getItems().size() + " contacts");
    }

    @Test
    void aNumberBlockedByCallingHoursCannotBeDialledAndSaysWhenItCanBe(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("ana ruiz").type(KeyCode.ENTER);
        Label name = robot.lookup("#customer-name").queryAs(Label.class);
        Fx.waitUntil(() -> "Ana Ruiz".equals(name.getText()));
        Fx.waitUntil(() -> robot.lookup("#guard-14155550123").tryQuery().isPresent());

        assertThat(robot.lookup("#guard-14155550123").queryAs(Label.class).getText()).isEqualTo("Blocked");
        assertThat(robot.lookup("#call-14155550123").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#reasons-14155550123").queryAs(Label.class).getText())
                .contains("TCPA calling hours: Outside calling hours in America/Los_Angeles: it is Sun 05:00 there");
        assertThat(robot.lookup("#again-14155550123").queryAs(Label.class).getText())
                .as("08:00 PDT, the first day of daylight time").isEqualTo("Allowed again Sun 8 Mar 15:00 your time · Sun 8 Mar 08:00 customer's time");
        assertThat(robot.lookup("#override-14155550123").tryQuery()).as("nobody may override calling hours").isEmpty();
        robot.clickOn("#call-14155550123");
        assertThat(DIALLED).isEmpty();
    }

    @Test
    void theKeyboardAloneFindsAndOpensACustomer(FxRobot robot) throws Exception {
        robot.clickOn("#search-results").press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        TextField search = robot.lookup("#search").queryAs(TextField.class);
        Fx.waitUntil(search::isFocused);
        robot.write("L-500000");
        ListView<SearchHit> results = robot.lookup("#search-results").queryListView();
        Fx.waitUntil(() -> results.getItems().size() == 1);

        robot.type(KeyCode.ENTER);
        Label name = robot.lookup("#customer-name").queryAs(Label.class);
        Fx.waitUntil(() -> "Ana Ruiz".equals(name.getText()));

        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil(search::isFocused);
    }

    @Test
    void scrollingToTheEndOfTheResultsLoadsTheNextPage(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("ma");
        ListView<SearchHit> results = robot.lookup("#search-results").queryListView();
        Fx.waitUntil(() -> results.getItems().size() == 50);
        assertThat(robot.lookup("#search-status").queryAs(Label.class).getText()).matches("[0-9,]+ customers");
        robot.interact(() -> results.scrollTo(49));
        Fx.waitUntil(() -> results.getItems().size() > 50);
        assertThat(results.getItems()).extracting(SearchHit::customerId).doesNotHaveDuplicates();
    }

    @Test
    void nonsenseGetsAnAnswerNotAnError(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("\"; DROP TABLE customer; --");
        ListView<SearchHit> results = robot.lookup("#search-results").queryListView();
        Label placeholder = (Label) results.getPlaceholder();
        Fx.waitUntil(() -> placeholder.getText().startsWith("No customer matches"));
        assertThat(session.customers().count()).isEqualTo(DeskSession.DEMO_CUSTOMERS);
        assertThat(robot.lookup("#status-customers").queryAs(Label.class).getText()).isEqualTo("2,000 customers in cache");
    }

    private static int indexOf(ListView<SearchHit> results, String name) {
        for (int i = 0; i < results.getItems().size(); i++) {
            if (results.getItems().get(i).displayName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not in results");
    }

}
