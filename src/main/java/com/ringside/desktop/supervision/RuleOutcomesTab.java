package com.ringside.desktop.supervision;

import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Messages;
import com.ringside.wire.WireRecords.RuleOutcomeJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;

/** What each rule did to calls: placed while it applied, blocked, overridden, and offline calls that broke it. */
final class RuleOutcomesTab extends ReportTab<List<RuleOutcomeJson>> {
    private final SupervisionService service;

    RuleOutcomesTab(SupervisionService service, Background background, ExportTarget exports, Clock clock) {
        super("rules", background, exports, clock);
        this.service = service;
    }

    @Override
    List<RuleOutcomeJson> fetch(ReportPeriod period) {
        return service.ruleOutcomes(period);
    }

    @Override
    String summary(List<RuleOutcomeJson> report, ReportPeriod period) {
        long blocked = report.stream().mapToLong(RuleOutcomeJson::blocked).sum();
        long overridden = report.stream().mapToLong(RuleOutcomeJson::overridden).sum();
        long violated = report.stream().mapToLong(RuleOutcomeJson::violated).sum();
        return Messages.get("rulesReport.summary", report.size(), blocked, overridden, violated);
    }

    @Override
    Node view(List<RuleOutcomeJson> report, ReportPeriod period) {
        if (report.isEmpty()) {
            return new Label(Messages.get("rulesReport.none"));
        }
        NumberAxis count = new NumberAxis();
        count.setLabel(Messages.get("rulesReport.axis"));
        count.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), count);
        chart.setId("rules-chart");
        chart.setTitle(Messages.get("rulesReport.chartTitle"));
        chart.setAnimated(false);
        chart.getData().add(series(report, "rulesReport.placed", RuleOutcomeJson::placed));
        chart.getData().add(series(report, "rulesReport.blocked", RuleOutcomeJson::blocked));
        chart.getData().add(series(report, "rulesReport.overridden", RuleOutcomeJson::overridden));
        chart.getData().add(series(report, "rulesReport.violated", RuleOutcomeJson::violated));
        return chart;
    }

    private static XYChart.Series<String, Number> series(List<RuleOutcomeJson> report, String key,
                                                         ToLongFunction<RuleOutcomeJson> value) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(Messages.get(key));
        for (RuleOutcomeJson rule : report) {
            series.getData().add(new XYChart.Data<>(name(rule), value.applyAsLong(rule)));
        }
        return series;
    }

    private static String name(RuleOutcomeJson rule) {
        return rule.retired() ? Messages.get("rulesReport.retired", rule.ruleName()) : rule.ruleName();
    }

    @Override
    List<List<String>> rows(List<RuleOutcomeJson> report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("rule_id", "rule", "retired", "placed", "blocked", "overridden", "offline_breaches"));
        for (RuleOutcomeJson r : report) {
            rows.add(List.of(r.ruleId(), r.ruleName(), Boolean.toString(r.retired()).toLowerCase(Locale.ROOT),
                    Long.toString(r.placed()), Long.toString(r.blocked()), Long.toString(r.overridden()),
                    Long.toString(r.violated())));
        }
        return rows;
    }
}
