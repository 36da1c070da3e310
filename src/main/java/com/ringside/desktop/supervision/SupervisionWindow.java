package com.ringside.desktop.supervision;

import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Messages;
import com.ringside.desktop.support.ToolWindows;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Window;

/**
 * The supervisor's console: flagged calls to sign off, the reports on how the rules work and who is called most,
 * and the audit trail. Each tab asks the master the first time it is opened.
 */
public final class SupervisionWindow {
    private final TabPane tabs = new TabPane();
    private final Set<Tab> loaded = new HashSet<>();

    public SupervisionWindow(SupervisionService service, Background background, ExportTarget exports, Clock clock,
                             Consumer<UUID> openCustomer) {
        FlaggedCallsPane flagged = new FlaggedCallsPane(service, background, clock, openCustomer);
        RepeatCallsTab repeat = new RepeatCallsTab(service, background, exports, clock, openCustomer);
        RuleOutcomesTab rules = new RuleOutcomesTab(service, background, exports, clock);
        ContactRatesTab rates = new ContactRatesTab(service, background, exports, clock);
        AuditPane audit = new AuditPane(service, background, clock);
        tabs.setId("supervision");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(tab("supervision-flagged", "supervision.flagged", flagged.root(), flagged::load),
                tab("supervision-repeat", "supervision.repeat", repeat.root(), repeat::load),
                tab("supervision-rules", "supervision.rules", rules.root(), rules::load),
                tab("supervision-rates", "supervision.rates", rates.root(), rates::load),
                tab("supervision-audit", "supervision.audit", audit.root(), audit::load));
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, before, tab) -> firstLoad(tab));
        firstLoad(tabs.getTabs().get(0));
    }

    public Parent root() {
        return tabs;
    }

    public void show(Window owner) {
        ToolWindows.open(owner, tabs, Messages.get("supervision.windowTitle"), 1320, 820);
    }

    private Tab tab(String id, String key, Node content, Runnable load) {
        Tab tab = new Tab(Messages.get(key), content);
        tab.setId(id);
        tab.setUserData(load);
        if (content instanceof javafx.scene.layout.Region region) {
            region.setPadding(new Insets(14));
        }
        return tab;
    }

    private void firstLoad(Tab tab) {
        if (tab != null && loaded.add(tab)) {
            ((Runnable) tab.getUserData()).run();
        }
    }
}
