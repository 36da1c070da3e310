package com.ringside.desktop.supervision;

import com.ringside.desktop.support.Background;
import com.ringside.desktop.support.Labels;
import com.ringside.desktop.support.Messages;
import com.ringside.domain.LineOfBusiness;
import com.ringside.wire.WireRecords.ContactRateJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Contact rate and right-party-contact rate of outbound calls, per line of business and hour of the day. */
final class ContactRatesTab extends ReportTab<List<ContactRateJson>> {
    private final SupervisionService service;

    ContactRatesTab(SupervisionService service, Background background, ExportTarget exports, Clock clock) {
        super("rates", background, exports, clock);
        this.service = service;
    }

    @Override
    List<ContactRateJson> fetch(ReportPeriod period) {
        return service.contactRates(period);
    }

    @Override
    String summary(List<ContactRateJson> report, ReportPeriod period) {
        long attempts = report.stream().mapToLong(ContactRateJson::attempts).sum();
        long contacts = report.stream().mapToLong(ContactRateJson::contacts).sum();
        long rightParty = report.stream().mapToLong(ContactRateJson::rightParty).sum();
        return Messages.get("rates.summary", String.format(Locale.ENGLISH, "%,d", attempts), percent(contacts, attempts),
                percent(rightParty, attempts), period.zone().getId());
    }

    @Override
    Node view(List<ContactRateJson> report, ReportPeriod period) {
        if (report.isEmpty()) {
            return new Label(Messages.get("rates.none"));
        }
        LineChart<Number, Number> contact = chart("rates-contact", "rates.contactTitle", report, ContactRateJson::contacts);
        LineChart<Number, Number> rightParty = chart("rates-right-party", "rates.rightPartyTitle", report,
                ContactRateJson::rightParty);
        HBox.setHgrow(contact, Priority.ALWAYS);
        HBox.setHgrow(rightParty, Priority.ALWAYS);
        return new HBox(12, contact, rightParty);
    }

    private static LineChart<Number, Number> chart(String id, String title, List<ContactRateJson> report,
                                                   ToLongFunction<ContactRateJson> reached) {
        NumberAxis hours = new NumberAxis(0, 23, 2);
        hours.setLabel(Messages.get("rates.hourAxis"));
        hours.setMinorTickVisible(false);
        NumberAxis rate = new NumberAxis(0, 100, 10);
        rate.setLabel(Messages.get("rates.rateAxis"));
        rate.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(hours, rate);
        chart.setId(id);
        chart.setTitle(Messages.get(title));
        chart.setAnimated(false);
        chart.setMinWidth(360);
        for (LineOfBusiness line : LineOfBusiness.values()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(Labels.of(line));
            report.stream().filter(r -> r.lineOfBusiness().equals(line.name())).forEach(r -> series.getData().add(
                    new XYChart.Data<>(r.hour(), 100.0 * reached.applyAsLong(r) / r.attempts())));
            if (!series.getData().isEmpty()) {
                chart.getData().add(series);
            }
        }
        return chart;
    }

    @Override
    List<List<String>> rows(List<ContactRateJson> report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("line_of_business", "hour", "attempts", "contacts", "right_party", "contact_rate",
                "right_party_rate"));
        for (ContactRateJson r : report) {
            rows.add(List.of(r.lineOfBusiness(), Integer.toString(r.hour()), Long.toString(r.attempts()),
                    Long.toString(r.contacts()), Long.toString(r.rightParty()), ratio(r.contacts(), r.attempts()),
                    ratio(r.rightParty(), r.attempts())));
        }
        return rows;
    }

    private static String ratio(long part, long whole) {
        return whole == 0 ? "" : String.format(Locale.ROOT, "%.4f", (double) part / whole);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "—" : String.format(Locale.ENGLISH, "%.1f%%", 100.0 * part / whole);
    }
}
