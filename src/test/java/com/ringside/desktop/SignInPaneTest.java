package com.ringside.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.ringside.desktop.signin.SignInPane;
import com.ringside.desktop.support.Messages;
import com.ringside.desktop.support.Theme;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-in card keeps every word of its button and of the offer to work offline, whatever the offer's length. */
@ExtendWith(ApplicationExtension.class)
class SignInPaneTest {
    private static final String OFFER = "Work offline as Demo agent (session valid until 11/25/26, 2:56 PM)";
    private SignInPane pane;

    @Start
    void start(Stage stage) {
        pane = new SignInPane(new SignInPane.Actions() {
            @Override
            public void signIn(String server, String username, String password) {
            }

            @Override
            public void workOffline() {
            }
        });
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()); // as the desk looks
        Scene scene = new Scene((Parent) pane.node(), 1000, 700);
        scene.getStylesheets().add(Theme.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aLongOfferToWorkOfflineWrapsBesideTheWholeSignInButton(FxRobot robot) {
        robot.interact(() -> pane.offerOffline(OFFER));
        WaitForAsyncUtils.waitForFxEvents(); // laid out again, as the agent sees it

        Button signIn = robot.lookup("#signin-button").queryButton();
        Hyperlink offline = robot.lookup("#signin-offline").queryAs(Hyperlink.class);
        assertThat(((Text) signIn.lookup(".text")).getText()).isEqualTo(Messages.get("signin.button"));
        assertThat(((Text) offline.lookup(".text")).getText()).as("wrapped, not cut short").isEqualTo(OFFER);
        assertThat(offline.getHeight()).as("on two lines").isGreaterThan(1.5 * offline.prefHeight(-1));
    }
}

