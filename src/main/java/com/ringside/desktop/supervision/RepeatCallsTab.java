package com.ringside.desktop.supervision;

import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.domain.LineOfBusiness;
import com.ringside.wire.WireRecords.CalledCustomerJson;
import com.ringside.wire.WireRecords.RepeatCallsJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Who gets called most: the customers with the most calls in one week, by line of business, team and day. */
final class RepeatCallsTab extends ReportTab<RepeatCallsJson> {
    private static final java.time.format.DateTimeFormatter WEEK_OF =
            java.time.format.DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private final SupervisionService service;
    private final Consumer<UUID> openCustomer;

    RepeatCallsTab(SupervisionService service, Background background, ExportTarget exports, Clock clock,
                   Consumer<UUID> openCustomer) {
        super("repeat", background, exports, clock);
        this.service = service;
        this.openCustomer = openCustomer;
    }

    @Override
    RepeatCallsJson fetch(ReportPeriod period) {
        return service.repeatCalls(period);
    }

    @Override
    String summary(RepeatCallsJson report, ReportPeriod period) {
        if (report.customersByCallsInAWeek().isEmpty()) {
            return Messages.get("repeat.none");
        }
        return Messages.get("repeat.spread", report.customersByCallsInAWeek().entrySet().stream()
                .map(e -> Messages.get("repeat.spreadItem", e.getKey(), String.format(Locale.ENGLISH, "%,d", e.getValue())))
                .collect(Collectors.joining(" · ")));
    }

    @Override
    Node view(RepeatCallsJson report, ReportPeriod period) {
        if (report.customers().isEmpty()) {
            return new Label(Messages.get("repeat.none"));
        }
        CategoryAxis customers = new CategoryAxis();
        NumberAxis calls = new NumberAxis();
        calls.setLabel(Messages.get("repeat.callsAxis"));
        calls.setMinorTickVisible(false);
        calls.setTickUnit(1);
        StackedBarChart<String, Number> chart = new StackedBarChart<>(customers, calls);
        chart.setId("repeat-chart");
        chart.setTitle(Messages.get("repeat.chartTitle"));
        chart.setAnimated(false);
        for (LineOfBusiness line : LineOfBusiness.values()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(Labels.of(line));
            for (CalledCustomerJson customer : report.customers()) {
                series.getData().add(new XYChart.Data<>(label(customer), customer.byLine().getOrDefault(line.name(), 0)));
            }
            if (series.getData().stream().anyMatch(d -> d.getYValue().intValue() > 0)) {
                chart.getData().add(series);
            }
        }
        chart.setMinWidth(420);
        HBox.setHgrow(chart, Priority.ALWAYS);
        TableView<CalledCustomerJson> table = table(report.customers());
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox top = new HBox(12, chart, table);
        VBox.setVgrow(top, Priority.ALWAYS);
        Label heatTitle = new Label(Messages.get("repeat.heatTitle"));
        heatTitle.getStyleClass().add("title-4");
        ScrollPane heat = new ScrollPane(HeatMap.of(report.customers(), period));
        heat.setId("repeat-heat");
        heat.setFitToHeight(true);
        heat.setPrefHeight(Math.min(60 + report.customers().size() * 22, 300));
        return new VBox(10, top, heatTitle, heat);
    }

    private TableView<CalledCustomerJson> table(List<CalledCustomerJson> customers) {
        TableView<CalledCustomerJson> table = new TableView<>();
        table.setId("repeat-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(FullText.column("repeat.customer", 140, CalledCustomerJson::name));
        table.getColumns().add(FullText.column("repeat.mostInAWeek", 165, c -> Messages.get("repeat.inWeekOf", c.mostInAWeek(),
                WEEK_OF.format(java.time.LocalDate.parse(c.weekOf())))));
        table.getColumns().add(FullText.column("repeat.calls", 70, c -> Integer.toString(c.calls())));
        table.getColumns().add(FullText.column("repeat.teams", 220, c -> teams(c.byTeam())));
        table.getItems().setAll(customers);
        table.setRowFactory(view -> {
            TableRow<CalledCustomerJson> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    openCustomer.accept(UUID.fromString(row.getItem().id()));
                }
            });
            return row;
        });
        table.setPlaceholder(new Label(Messages.get("repeat.none")));
        return table;
    }

    @Override
    List<List<String>> rows(RepeatCallsJson report) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("customer_id", "customer", "most_calls_in_a_week", "week_of",
                "calls_in_period"));
        for (LineOfBusiness line : LineOfBusiness.values()) {
            header.add(line.name().toLowerCase(Locale.ROOT));
        }
        header.add("teams");
        rows.add(header);
        for (CalledCustomerJson c : report.customers()) {
            List<String> row = new ArrayList<>(List.of(c.id(), c.name(), Integer.toString(c.mostInAWeek()), c.weekOf(),
                    Integer.toString(c.calls())));
            for (LineOfBusiness line : LineOfBusiness.values()) {
                row.add(Integer.toString(c.byLine().getOrDefault(line.name(), 0)));
            }
            row.add(teams(c.byTeam()));
            rows.add(row);
        }
        return rows;
    }

    private static String label(CalledCustomerJson customer) {
        return customer.name().isBlank() ? customer.id().substring(0, 8) : customer.name();
    }

    static String teams(Map<String, Integer> byTeam) {
        return byTeam.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> (e.getKey().isEmpty() ? Messages.get("repeat.noTeam") : e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

}
