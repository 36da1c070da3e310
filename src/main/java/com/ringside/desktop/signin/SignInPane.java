package com.ringside.desktop.signin;

import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in card: which master, who, and the password; with "work offline" when a recent session allows it. */
public final class SignInPane {
    private final TextField server = new TextField();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label problem = new Label();
    private final Label hint = new Label();
    private final Button signIn = new Button(Messages.get("signin.button"), Icons.of("mdi2l-login"));
    private final Hyperlink offline = new Hyperlink();
    private final StackPane root;

    /** What the pane asks its owner to do. */
    public interface Actions {
        void signIn(String server, String username, String password);

        void workOffline();
    }

    public SignInPane(Actions actions) {
        server.setId("signin-server");
        username.setId("signin-username");
        password.setId("signin-password");
        problem.setId("signin-problem");
        problem.getStyleClass().add("signin-problem");
        problem.setWrapText(true);
        problem.setManaged(false);
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        signIn.setId("signin-button");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.setMinWidth(Region.USE_PREF_SIZE); // the offer to work offline wraps; the button keeps its words
        signIn.setOnAction(event -> {
            busy(true);
            actions.signIn(server.getText().strip(), username.getText().strip(), password.getText());
        });
        offline.setId("signin-offline");
        offline.setVisible(false);
        offline.setManaged(false);
        offline.setOnAction(event -> actions.workOffline());
        offline.setWrapText(true);
        offline.setMinWidth(0);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label(Messages.get("signin.server")), server);
        form.addRow(1, new Label(Messages.get("signin.username")), username);
        form.addRow(2, new Label(Messages.get("signin.password")), password);
        server.setPrefColumnCount(26);

        Label title = new Label(Messages.get("signin.title"), Icons.of("mdi2a-account-key-outline", "brand-icon"));
        title.getStyleClass().add("title-3");
        HBox buttons = new HBox(16, signIn, offline);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(16, brand(), title, form, problem, buttons, hint);
        card.getStyleClass().add("signin-card");
        card.setMaxWidth(520);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        root = new StackPane(card);
        root.setId("signin");
    }

    public Node node() {
        return root;
    }

    /** The app's icon and name, with the version when the desk runs from an installed package. */
    private static Node brand() {
        ImageView icon = new ImageView(new Image(SignInPane.class.getResource("/com/ringside/desktop/icons/ringside-64.png")
                .toExternalForm(), 56, 56, true, true));
        Label name = new Label(Messages.get("signin.brand"));
        name.getStyleClass().add("title-1");
        String version = System.getProperty("jpackage.app-version");
        Label tagline = new Label(version == null ? Messages.get("signin.tagline")
                : Messages.get("signin.taglineVersion", version));
        tagline.getStyleClass().add("text-muted");
        HBox brand = new HBox(14, icon, new VBox(2, name, tagline));
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.setId("signin-brand");
        brand.setPadding(new Insets(0, 0, 10, 0));
        return brand;
    }

    public void fill(String serverUrl, String user, String suggestedPassword, String hintText) {
        server.setText(serverUrl);
        username.setText(user);
        password.setText(suggestedPassword == null ? "" : suggestedPassword);
        hint.setText(hintText == null ? "" : hintText);
        (user == null || user.isBlank() ? username : password).requestFocus();
    }

    /** Offers to carry on without the master as the user of a recent session. */
    public void offerOffline(String text) {
        offline.setText(text);
        offline.setVisible(true);
        offline.setManaged(true);
    }

    public void showProblem(String text) {
        busy(false);
        problem.setText(text);
        problem.setManaged(true);
    }

    public void busy(boolean working) {
        signIn.setDisable(working);
        signIn.setText(Messages.get(working ? "signin.working" : "signin.button"));
    }

    public void focus() {
        password.requestFocus();
    }
}
