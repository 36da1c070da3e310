package com.ringside.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.desktop.DeskSession;
import com.ringside.desktop.DeskUser;
import com.ringside.desktop.ScreenPopUrl;
import com.ringside.desktop.shell.MainWindow;
import com.ringside.domain.UserRole;
import com.ringside.testing.Fx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javafx.scene.input.KeyCode;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A desk is open; a softphone's "run on incoming call" hook, a tel: link and a second start each launch another
 * Ringside process, which hands what it was given to the open desk and exits.
 */
@ExtendWith(ApplicationExtension.class)
class DeskHandOverTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-03-08T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;
    DeskSession session;
    ScreenPopUrl popUrl;
    FileLock deskLock;

    @Start
    void start(Stage stage) {
        session = DeskSession.open(dataDir, NOON, new DeskUser(UUID.randomUUID(), "Sky", UserRole.AGENT), number -> { });
        MainWindow window = Fx.showDesk(stage, session);
        deskLock = SingleDesk.lock(dataDir).orElseThrow();
        popUrl = ScreenPopUrl.start(dataDir, 0, window, NOON);
    }

    @AfterEach
    void close() throws IOException {
        popUrl.close();
        deskLock.channel().close();
        session.close();
    }

    @Test
    void ringsidePopHandsTheCallToTheOpenDeskAndExits(FxRobot robot) throws Exception {
        Result result = ringside("pop", "+1 (415) 555-0123", "--call-id", "pbx-1", "--data-dir", dataDir.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("the desk has the call from +1 (415) 555-0123");
        Fx.waitUntil(() -> "Ana Ruiz".equals(text(robot, "#customer-name")));
        assertThat(text(robot, "#pop-title")).isEqualTo("Incoming call · +1 415-555-0123");

        Result ended = ringside("pop", "+14155550123", "--call-id", "pbx-1", "--state", "ended", "--data-dir", dataDir.toString());
        assertThat(ended.exit()).as(ended.err()).isZero();
        Fx.waitUntil(() -> !robot.lookup("#pop-bar").query().isVisible());
    }

    @Test
    void aTelLinkShowsTheCustomerAndASecondStartComesForwardInsteadOfOpeningAnotherDesk(FxRobot robot) throws Exception {
        Result link = ringside("tel:%2B1-415-555-0123", "--data-dir", dataDir.toString());
        assertThat(link.exit()).as(link.err()).isZero();
        Fx.waitUntil(() -> "Ana Ruiz".equals(text(robot, "#customer-name")));
        assertThat(text(robot, "#pop-title")).isEqualTo("Number from a link · +1 415-555-0123");

        Result second = ringside("--data-dir", dataDir.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("Ringside is already open");

        Result nonsense = ringside("tel:hello", "--data-dir", dataDir.toString());
        assertThat(nonsense.exit()).isEqualTo(2);
        assertThat(nonsense.err()).contains("'tel:hello' holds no phone number");
    }

    @Test
    void aFloodOfRingsOnTheScreenPopUrlIsCutAndSaidAndTheDeskStaysUsable(FxRobot robot) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String body = "{\"number\":\"+1650555" + String.format("%04d", i) + "\",\"callId\":\"flood-" + i + "\"}";
            answers.add(senders.submit(() -> http.send(HttpRequest.newBuilder(URI.create(popUrl.endpoint().callsUrl()))
                    .header("Authorization", "Bearer " + popUrl.endpoint().token())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        int refused = 0;
        for (Future<Integer> answer : answers) {
            refused += answer.get(30, TimeUnit.SECONDS) == 429 ? 1 : 0;
        }
        senders.shutdown();
        assertThat(refused).isGreaterThanOrEqualTo(900);
        Fx.waitUntil(() -> text(robot, "#status-calls").startsWith("Too many calls at once"));
        Fx.waitUntil(() -> text(robot, "#pop-waiting").equals("19 calls waiting"));

        robot.clickOn("#search").write("ana ruiz").type(KeyCode.ENTER);
        Fx.waitUntil(() -> "Ana Ruiz".equals(text(robot, "#customer-name")));
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs Ringside as its own process, the way the operating system or a softphone would. */
    private static Result ringside(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the second process exits").isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
