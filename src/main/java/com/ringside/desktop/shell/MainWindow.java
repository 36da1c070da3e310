package com.ringside.desktop.shell;

import com.ringside.cache.SearchHit;
import com.ringside.cti.CallEvent;
import com.ringside.cti.Dialer;
import com.ringside.desktop.DeskSession;
import com.ringside.desktop.DeskUser;
import com.ringside.desktop.customer.CustomerCardView;
import com.ringside.desktop.customer.CustomerCardViewModel;
import com.ringside.desktop.dial.DialPanel;
import com.ringside.desktop.dial.DialService;
import com.ringside.desktop.dial.DialViewModel;
import com.ringside.desktop.pop.ScreenPopBar;
import com.ringside.desktop.pop.ScreenPopModel;
import com.ringside.desktop.customer.NewCustomers;
import com.ringside.desktop.merges.DuplicatesService;
import com.ringside.desktop.merges.DuplicatesWindow;
import com.ringside.desktop.sources.FilePicker;
import com.ringside.desktop.sources.ImportWindow;
import com.ringside.desktop.supervision.ExportTarget;
import com.ringside.desktop.supervision.SupervisionService;
import com.ringside.desktop.supervision.SupervisionWindow;
import com.ringside.desktop.rules.RulesService;
import com.ringside.desktop.rules.RulesViewModel;
import com.ringside.desktop.rules.RulesWindow;
import com.ringside.desktop.search.SearchResultsView;
import com.ringside.desktop.search.SearchViewModel;
import com.ringside.desktop.sources.DataQualityWindow;
import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Icons;
import com.ringside.desktop.support.Messages;
import com.ringside.desktop.support.Theme;
import com.ringside.domain.Customer;
import com.ringside.domain.UserRole;
import com.ringside.desktop.timeline.TimelineView;
import com.ringside.desktop.timeline.TimelineViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk: search across the top, results on the left, the customer card and timeline in the middle, the
 * status bar below. It shows at once and fills in when the session is ready.
 */
public final class MainWindow {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private static final Duration TYPING_PAUSE = Duration.millis(120);
    private static final double DIAL_MAX_HEIGHT = 380;
    private static final double DIAL_WIDTH = 470;

    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final StackPane center = new StackPane();
    private final StatusBar status = new StatusBar();
    private final Background background;
    private final Theme theme;
    private boolean openSingleMatch;
    private Shown shown;
    private ScreenPopModel pops;
    /** What reached the desk from the telephony before it was signed in, played once it is. */
    private final List<Runnable> beforeDesk = new ArrayList<>();
    private final AtomicLong refusedRings = new AtomicLong();
    private final AtomicBoolean refusalShowing = new AtomicBoolean();
    private final Button rulesButton = new Button(Messages.get("rules.open"), Icons.of("mdi2s-shield-check-outline"));
    private final Button qualityButton = new Button(Messages.get("quality.open"), Icons.of("mdi2d-database-check-outline"));
    private final Button duplicatesButton = new Button(Messages.get("dup.open"), Icons.of("mdi2a-account-multiple-outline"));
    private final Button supervisionButton = new Button(Messages.get("supervision.open"), Icons.of("mdi2c-chart-box-outline"));
    private final Button importButton = new Button(Messages.get("import.open"), Icons.of("mdi2d-database-import-outline"));

    public MainWindow(Background background, Theme theme) {
        this.background = background;
        this.theme = theme;
        root.getStyleClass().add("desk");
        search.setId("search");
        search.setPromptText(Messages.get("search.prompt"));
        search.setDisable(true);
        HBox.setHgrow(search, Priority.ALWAYS);
        Label brand = new Label(Messages.get("app.name"), Icons.of("mdi2p-phone-ring-outline", "brand-icon"));
        brand.getStyleClass().add("brand");
        Button themeToggle = new Button(null, Icons.of("mdi2t-theme-light-dark"));
        themeToggle.setId("theme-toggle");
        themeToggle.setTooltip(new Tooltip(Messages.get("theme.toggle")));
        themeToggle.setOnAction(event -> theme.toggle());
        themeToggle.getStyleClass().add("flat");
        rulesButton.setId("open-rules");
        duplicatesButton.setId("open-duplicates");
        qualityButton.setId("open-data-quality");
        supervisionButton.setId("open-supervision");
        importButton.setId("open-import");
        for (Button byRole : List.of(qualityButton, duplicatesButton, supervisionButton, importButton)) {
            byRole.setVisible(false);
            byRole.setManaged(false);
        }
        rulesButton.setDisable(true);
        HBox top = new HBox(12, brand, search, supervisionButton, qualityButton, duplicatesButton, importButton, rulesButton,
                themeToggle);
        top.getStyleClass().add("top-bar");
        top.setAlignment(Pos.CENTER_LEFT);
        root.setTop(top);
        center.getChildren().add(message(Messages.get("status.opening"), "mdi2d-database-clock-outline"));
        root.setCenter(center);
        root.setBottom(status.node());
    }

    public Parent root() {
        return root;
    }

    /**
     * Opens the cache off the FX thread, then binds the desk to it, or says why it cannot; {@code opened} hears
     * the session once the desk is usable.
     */
    public void open(Path dataDirectory, Clock clock, DeskUser user, Dialer dialer, Consumer<DeskSession> opened) {
        background.run(() -> DeskSession.open(dataDirectory, clock, user, dialer), session -> {
            attach(session);
            opened.accept(session);
        }, failure -> {
            LOG.error("The desk could not open its cache", failure);
            fail(failure.getMessage());
        });
    }

    /** Shows a line of progress where the desk will be. */
    public void showMessage(String text) {
        center.getChildren().setAll(message(text, "mdi2d-database-clock-outline"));
    }

    /** Shows the sign-in card where the desk will be. */
    public void showSignIn(Node signIn) {
        center.getChildren().setAll(signIn);
        status.showSignedOut();
    }

    /** Binds the desk to a session synced with its master; the open customer refreshes when a sync changes it. */
    public void attach(DeskSession session, SyncFeed feed) {
        attach(session);
        status.follow(session, feed);
        feed.onCustomersChanged(changed -> {
            if (shown != null && changed.contains(shown.cardModel().customerProperty().get() == null ? null
                    : shown.cardModel().customerProperty().get().id())) {
                shown.refresh();
            }
        });
    }

    /** Binds the desk to an open session; called on the FX thread. */
    public void attach(DeskSession session) {
        SearchViewModel searchModel = new SearchViewModel(session.customers(), background);
        CustomerCardViewModel cardModel = new CustomerCardViewModel(session.customers(), session.events(), background,
                session.clock());
        TimelineViewModel timelineModel = new TimelineViewModel(session.events(), background);

        SearchResultsView results = new SearchResultsView(searchModel, hit -> open(hit, cardModel, timelineModel),
                this::focusSearch);
        results.node().setPrefWidth(280);
        PauseTransition typing = new PauseTransition(TYPING_PAUSE);
        typing.setOnFinished(event -> searchModel.search());
        search.textProperty().bindBidirectional(searchModel.queryProperty());
        search.textProperty().addListener((observable, before, text) -> typing.playFromStart());
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN) {
                typing.stop();
                focusResults(results);
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER) {
                // Enter may come before the typing pause has searched: ask now, act on the answer.
                typing.stop();
                openSingleMatch = true;
                searchModel.search();
                event.consume();
            }
        });
        searchModel.results().addListener((ListChangeListener<SearchHit>) change -> {
            if (openSingleMatch) {
                openSingleMatch = false;
                focusResults(results);
                if (searchModel.results().size() == 1) {
                    open(searchModel.results().get(0), cardModel, timelineModel);
                }
            }
        });
        search.setDisable(false);
        rulesButton.setOnAction(event -> {
            RulesViewModel rules = new RulesViewModel(new RulesService(session), background, session.user().role());
            new RulesWindow(rules, session.clock().getZone()).show((Stage) root.getScene().getWindow());
        });
        rulesButton.setDisable(false);
        boolean supervises = session.user().role().atLeast(UserRole.SUPERVISOR) && session.link().isPresent();
        for (Button supervisorOnly : List.of(qualityButton, duplicatesButton, supervisionButton)) {
            supervisorOnly.setVisible(supervises);
            supervisorOnly.setManaged(supervises);
        }
        boolean administers = session.user().role().atLeast(UserRole.ADMIN) && session.link().isPresent();
        importButton.setVisible(administers);
        importButton.setManaged(administers);
        importButton.setOnAction(event -> new ImportWindow(session.link().orElseThrow().client(), background,
                FilePicker.fileChooser(), ExportTarget.fileChooser()).show(root.getScene().getWindow()));
        supervisionButton.setOnAction(event -> new SupervisionWindow(
                new SupervisionService(session.link().orElseThrow().client()), background, ExportTarget.fileChooser(),
                session.clock(), customerId -> {
                    cardModel.open(customerId);
                    timelineModel.show(customerId);
                    ((Stage) root.getScene().getWindow()).toFront();
                }).show(root.getScene().getWindow()));
        qualityButton.setOnAction(event -> new DataQualityWindow(session.link().orElseThrow().client(), background,
                session.clock().getZone()).show(root.getScene().getWindow()));
        duplicatesButton.setOnAction(event -> {
            new DuplicatesWindow(DuplicatesService.of(session.link().orElseThrow()), background)
                    .show(root.getScene().getWindow());
        });

        DialViewModel dialModel = new DialViewModel(new DialService(session), background, session.clock(),
                session.user().role(), () -> {
                    cardModel.refresh();
                    timelineModel.reload();
                });
        shown = new Shown(cardModel, timelineModel, dialModel);
        cardModel.customerProperty().addListener((observable, before, customer) -> {
            if (customer != null) {
                dialModel.show(customer);
            }
        });
        Node card = new CustomerCardView(cardModel, this::closeCustomer).node();
        HBox.setHgrow(card, Priority.ALWAYS);
        // Several blocked numbers and a wrap-up can be taller than the card; they scroll, the timeline keeps its room.
        Node panel = new DialPanel(dialModel).node();
        ScrollPane dial = new ScrollPane(panel);
        dial.setFitToWidth(true);
        dial.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        dial.setMinWidth(DIAL_WIDTH);
        dial.setPrefWidth(DIAL_WIDTH);
        dial.prefViewportHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(panel.getLayoutBounds().getHeight(), DIAL_MAX_HEIGHT), panel.layoutBoundsProperty()));
        dial.getStyleClass().add("dial-scroll");
        HBox top = new HBox(card, dial);
        top.getStyleClass().add("card-row");
        VBox customerPane = new VBox(top, new TimelineView(timelineModel, session.clock().getZone()).node());
        customerPane.getStyleClass().add("customer-pane");
        VBox.setVgrow(customerPane.getChildren().get(1), Priority.ALWAYS);
        customerPane.setVisible(false);
        cardModel.customerProperty().addListener((observable, before, customer) -> customerPane.setVisible(customer != null));

        Region emptyState = message(Messages.get("desk.empty"), "mdi2a-account-search-outline");
        emptyState.visibleProperty().bind(customerPane.visibleProperty().not());
        pops = new ScreenPopModel(session.customers(), session.events(), session.numbers(), background,
                session.clock(), session.user().id(), new ScreenPopModel.Desk() {
                    @Override
                    public boolean busy() {
                        return cardModel.customerProperty().get() != null;
                    }

                    @Override
                    public void open(UUID customerId) {
                        cardModel.open(customerId);
                        timelineModel.show(customerId);
                    }

                    @Override
                    public void refresh(UUID customerId) {
                        Customer onScreen = cardModel.customerProperty().get();
                        if (onScreen != null && onScreen.id().equals(customerId)) {
                            cardModel.refresh();
                            timelineModel.reload();
                        }
                    }

                    @Override
                    public void toFront() {
                        raise();
                    }
                }, new NewCustomers(session));
        StackPane desk = new StackPane(emptyState, customerPane);
        VBox.setVgrow(desk, Priority.ALWAYS);
        center.getChildren().setAll(new VBox(new ScreenPopBar(pops).node(), desk));
        root.setLeft(results.node());
        status.show(session, background);
        status.showCalls(pops.noticeProperty());

        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(15), event -> cardModel.refreshTimes()),
                new KeyFrame(Duration.seconds(30), event -> dialModel.refresh()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();

        root.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
        root.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
        root.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F3), this::focusSearch);
        root.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), this::closeCustomer);
        root.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), theme::toggle);
        focusSearch();
        beforeDesk.forEach(Runnable::run);
        beforeDesk.clear();
    }

    /** Puts the customer on screen away, unless a call still waits for its wrap-up; a waiting call then comes up. */
    private void closeCustomer() {
        if (shown == null || shown.cardModel().customerProperty().get() == null || !shown.dialModel().mayClose()) {
            return;
        }
        shown.cardModel().close();
        shown.timelineModel().clear();
        pops.deskFree();
        focusSearch();
    }

    /** The models of the customer on screen, refreshed together when the master changes them. */
    private record Shown(CustomerCardViewModel cardModel, TimelineViewModel timelineModel, DialViewModel dialModel) {
        void refresh() {
            cardModel.refresh();
            timelineModel.reload();
            dialModel.refresh();
        }
    }

    /**
     * Hands a call event from the telephony to the desk: inbound calls to the screen pop, outbound ones to the dial
     * panel's call in progress. Safe from any thread.
     */
    public void acceptCall(CallEvent event) {
        whenReady(() -> {
            if (event.inbound()) {
                pops.accept(event);
            } else {
                shown.dialModel().callEvent(event);
            }
        });
    }

    /** Shows who has {@code number} (a tel: link, {@code ringside pop}); safe from any thread. */
    public void openNumber(String number) {
        whenReady(() -> pops.open(number));
    }

    /** Brings the window forward (a second start of the desk); safe from any thread. */
    public void bringToFront() {
        Platform.runLater(this::raise);
    }

    /** Rings the screen-pop URL refused for coming too fast, {@code total} so far; safe from any thread. */
    public void ringsRefused(long total) {
        refusedRings.accumulateAndGet(total, Math::max);
        if (!refusalShowing.getAndSet(true)) {
            whenReady(() -> {
                refusalShowing.set(false);
                pops.refusedAtTheDoor(refusedRings.get());
            });
        }
    }

    private void whenReady(Runnable action) {
        Platform.runLater(() -> {
            if (pops != null) {
                action.run();
            } else if (beforeDesk.size() < ScreenPopModel.MAX_WAITING) {
                beforeDesk.add(action);
            }
        });
    }

    private void raise() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.setIconified(false);
            stage.toFront();
        }
    }

    /** Shows why the desk cannot start, in words the agent can act on. */
    public void fail(String reason) {
        center.getChildren().setAll(message(reason, "mdi2a-alert-circle-outline"));
        status.showFailure();
    }

    private void open(SearchHit hit, CustomerCardViewModel card, TimelineViewModel timeline) {
        card.open(hit.customerId());
        timeline.show(hit.customerId());
    }

    private static void focusResults(SearchResultsView results) {
        if (!results.list().getItems().isEmpty()) {
            results.list().requestFocus();
            if (results.list().getSelectionModel().isEmpty()) {
                results.list().getSelectionModel().selectFirst();
            }
        }
    }

    private void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private static Region message(String text, String icon) {
        Label label = new Label(text, Icons.of(icon, "hero-icon"));
        label.setId("center-message");
        label.getStyleClass().add("center-message");
        label.setWrapText(true);
        label.setContentDisplay(ContentDisplay.TOP);
        label.setMaxWidth(560);
        StackPane pane = new StackPane(label);
        pane.getStyleClass().add("center-message-pane");
        return pane;
    }
}
