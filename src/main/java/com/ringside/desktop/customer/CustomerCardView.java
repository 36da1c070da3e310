package com.ringside.desktop.customer;

import com.ringside.cache.ContactSummary;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.domain.Account;
import com.ringside.domain.Customer;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The card at the top of a customer: identity, flags, accounts across every line, and the call counts. */
public final class CustomerCardView {
    private static final DateTimeFormatter OPENED = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.getDefault());

    private final VBox root = new VBox(10);
    private final Label name = new Label();
    private final Label doNotCall = new Label();
    private final Label localTime = new Label();
    private final Label relationship = new Label();
    private final Label emails = new Label();
    private final GridPane accounts = new GridPane();
    private final Label calls24h = statValue("stat-24h");
    private final Label calls7d = statValue("stat-7d");
    private final Label calls30d = statValue("stat-30d");
    private final Label callsByLine = new Label();
    private final Label lastConversation = new Label();
    private final Label error = new Label();
    private final Label callback = new Label();

    /** {@code onClose} puts the customer away (the close button, Ctrl+W). */
    public CustomerCardView(CustomerCardViewModel model, Runnable onClose) {
        root.setId("customer-card");
        root.getStyleClass().add("customer-card");
        name.setId("customer-name");
        name.getStyleClass().add("customer-name");
        // The name is what the agent says first: it keeps its width, the local time wraps instead.
        name.setMinWidth(Region.USE_PREF_SIZE);
        doNotCall.setId("do-not-call");
        doNotCall.getStyleClass().add("badge-danger");
        doNotCall.setGraphic(Icons.of("mdi2c-cancel"));
        doNotCall.managedProperty().bind(doNotCall.visibleProperty());
        localTime.setId("customer-local-time");
        localTime.getStyleClass().add("muted");
        localTime.setGraphic(Icons.of("mdi2c-clock-outline"));
        localTime.setWrapText(true);
        localTime.setMinWidth(140);
        relationship.setId("customer-relationship");
        relationship.getStyleClass().add("relationship");
        relationship.setWrapText(true);
        emails.getStyleClass().add("muted");
        emails.setGraphic(Icons.of("mdi2e-email-outline"));
        accounts.getStyleClass().add("accounts");
        accounts.setHgap(10);
        accounts.setVgap(4);
        callsByLine.setId("calls-by-line");
        callsByLine.getStyleClass().add("muted");
        lastConversation.setId("last-conversation");
        lastConversation.getStyleClass().add("muted");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(null, Icons.of("mdi2c-close"));
        close.setId("customer-close");
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip(Messages.get("card.close")));
        close.setOnAction(event -> onClose.run());
        HBox header = new HBox(12, name, doNotCall, spacer, localTime, close);
        header.getStyleClass().add("card-header");

        callsByLine.setWrapText(true);
        lastConversation.setWrapText(true);
        VBox details = new VBox(4, callsByLine, lastConversation);
        HBox.setHgrow(details, Priority.ALWAYS);
        HBox stats = new HBox(10, stat(calls24h, "card.stat.24h"), stat(calls7d, "card.stat.7d"),
                stat(calls30d, "card.stat.30d"), details);
        stats.getStyleClass().add("stats");

        callback.setId("customer-callback");
        callback.getStyleClass().add("callback-due");
        callback.setGraphic(Icons.of("mdi2p-phone-return-outline"));
        callback.textProperty().bind(model.callbackProperty());
        callback.visibleProperty().bind(model.callbackProperty().isNotEmpty());
        callback.managedProperty().bind(callback.visibleProperty());
        root.getChildren().addAll(error, header, relationship, callback, emails, accounts, stats);
        root.setPadding(new Insets(14, 16, 10, 16));

        model.customerProperty().addListener((observable, before, customer) -> show(customer));
        model.summaryProperty().addListener((observable, before, summary) -> show(summary));
        localTime.textProperty().bind(model.localTimeProperty());
        relationship.textProperty().bind(model.relationshipProperty());
        callsByLine.textProperty().bind(model.callCountsProperty());
        lastConversation.textProperty().bind(model.lastConversationProperty());
    }

    public Node node() {
        return root;
    }

    private void show(Customer customer) {
        if (customer == null) {
            return;
        }
        name.setText(customer.displayName());
        doNotCall.setVisible(customer.doNotCall());
        doNotCall.setText(customer.doNotCallReason() == null ? Messages.get("card.doNotCall")
                : Messages.get("card.doNotCallBecause", customer.doNotCallReason()));
        emails.setText(String.join("  ·  ", customer.emails()));
        emails.setVisible(!customer.emails().isEmpty());
        accounts.getChildren().clear();
        int row = 0;
        for (Account account : customer.accounts()) {
            Label key = cell(account.sourceSystem().code() + "  " + account.sourceKey(), "mono");
            key.setMinWidth(Region.USE_PREF_SIZE);
            accounts.addRow(row++, lineLabel(account), key,
                    cell(account.product() == null ? "" : account.product(), "plain"),
                    cell(Labels.of(account.status()), "status-" + account.status().name().toLowerCase(Locale.ROOT)),
                    cell(account.openedOn() == null ? "" : OPENED.format(account.openedOn()), "muted"));
        }
    }

    private void show(ContactSummary summary) {
        if (summary == null) {
            return;
        }
        calls24h.setText(Integer.toString(summary.outboundCalls24h()));
        calls7d.setText(Integer.toString(summary.outboundCalls7d()));
        calls30d.setText(Integer.toString(summary.outboundCalls30d()));
    }

    private static Label lineLabel(Account account) {
        Label label = new Label(Labels.of(account.lineOfBusiness()));
        label.getStyleClass().addAll("line-tag", "line-" + account.lineOfBusiness().name().toLowerCase(Locale.ROOT));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label cell(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static Label statValue(String id) {
        Label value = new Label("–");
        value.setId(id);
        value.getStyleClass().add("stat-value");
        return value;
    }

    private static Node stat(Label value, String captionKey) {
        Label caption = new Label(Messages.get(captionKey));
        caption.getStyleClass().add("stat-caption");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        VBox tile = new VBox(0, value, caption);
        tile.setMinWidth(Region.USE_PREF_SIZE);
        tile.getStyleClass().add("stat");
        return tile;
    }
}
