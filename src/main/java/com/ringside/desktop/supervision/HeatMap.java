package com.ringside.desktop.supervision;

import com.ringside.desktop.support.Messages;
import com.ringside.wire.WireRecords.CalledCustomerJson;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * Customers × days, each cell shaded by the calls that day: repeats stand out as dark cells in a row. A period of
 * more than two months is shown by week instead, so that it still fits.
 */
final class HeatMap {
    static final int MAX_DAY_COLUMNS = 62;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private HeatMap() {
    }

    static GridPane of(List<CalledCustomerJson> customers, ReportPeriod period) {
        boolean byWeek = ChronoUnit.DAYS.between(period.first(), period.last()) + 1 > MAX_DAY_COLUMNS;
        List<LocalDate> columns = new ArrayList<>();
        LocalDate start = byWeek ? period.first().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : period.first();
        for (LocalDate day = start; !day.isAfter(period.last()); day = day.plusDays(byWeek ? 7 : 1)) {
            columns.add(day);
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("heat-map");
        grid.setHgap(2);
        grid.setVgap(2);
        for (int col = 0; col < columns.size(); col++) {
            if (col % (byWeek ? 4 : 7) == 0) {
                Label day = new Label(DAY.format(columns.get(col)));
                day.getStyleClass().add("heat-day");
                grid.add(day, col + 1, 0, Math.min(byWeek ? 4 : 7, columns.size() - col), 1);
            }
        }
        for (int row = 0; row < customers.size(); row++) {
            CalledCustomerJson customer = customers.get(row);
            Label name = new Label(customer.name());
            name.getStyleClass().add("heat-name");
            name.setMinWidth(140);
            grid.add(name, 0, row + 1);
            for (int col = 0; col < columns.size(); col++) {
                int calls = calls(customer.byDay(), columns.get(col), byWeek ? 7 : 1);
                Region cell = new Region();
                cell.getStyleClass().addAll("heat-cell", "heat-" + Math.min(calls, 4));
                cell.setMinSize(16, 16);
                cell.setPrefSize(16, 16);
                Tooltip.install(cell, new Tooltip(Messages.get(byWeek ? "heat.week" : "heat.day", customer.name(),
                        DAY.format(columns.get(col)), calls)));
                grid.add(cell, col + 1, row + 1);
            }
        }
        grid.setAlignment(Pos.TOP_LEFT);
        return grid;
    }

    private static int calls(Map<String, Integer> byDay, LocalDate from, int days) {
        int calls = 0;
        for (int i = 0; i < days; i++) {
            calls += byDay.getOrDefault(from.plusDays(i).toString(), 0);
        }
        return calls;
    }
}
