package com.ringside.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.ringside.domain.Account;
import com.ringside.domain.AccountStatus;
import com.ringside.domain.Customer;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo company as its four source systems would export it, each in its own format (assets/ingest holds the
 * mappings): the policy system writes US numbers as "(415) 555-0123" and dates as 03/14/1985, the loan system
 * "RUIZ, ANA" and "+1 415-555-0123", the order desk JSON lines with "415.555.0123", the campaign hub
 * "415-555-0123". Each account of a customer is a row in its line's system, so one person is several records until
 * the import resolves them.
 */
public final class DemoExtracts {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);

    /** The file each system exports, named as the shipped mapping beside it ({@code name}.mapping.json). */
    public record Extract(String system, String name, Path file) {
    }

    private DemoExtracts() {
    }

    /** Writes the extracts of customers 0..count-1 into {@code directory}; returns them in import order. */
    public static List<Extract> write(DemoCompany company, int count, Path directory) {
        Map<DemoLine, Extract> extracts = new EnumMap<>(DemoLine.class);
        Map<DemoLine, BufferedWriter> writers = new EnumMap<>(DemoLine.class);
        try {
            for (DemoLine line : DemoLine.values()) {
                String name = line.system.code().toLowerCase(Locale.ROOT);
                Path file = directory.resolve(name + (line == DemoLine.ORDERS ? ".jsonl" : ".csv"));
                extracts.put(line, new Extract(line.system.code(), name, file));
                BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                writers.put(line, writer);
                String header = header(line);
                if (header != null) {
                    writer.write(header);
                    writer.newLine();
                }
            }
            for (int index = 0; index < count; index++) {
                Customer customer = company.customer(index).customer();
                for (Account account : customer.accounts()) {
                    DemoLine line = DemoLine.valueOf(account.lineOfBusiness().name());
                    BufferedWriter writer = writers.get(line);
                    writer.write(row(line, customer, account, index));
                    writer.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo extracts in " + directory, e);
        } finally {
            for (BufferedWriter writer : writers.values()) {
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // the first failure is the one reported
                }
            }
        }
        return List.copyOf(extracts.values());
    }

    private static String header(DemoLine line) {
        return switch (line) {
            case INSURANCE -> "policy_no,first_name,last_name,dob,home_phone,mobile_phone,email,product,policy_status,issued_on";
            case FINANCING -> "loan_id,borrower,birth_date,phone,email_address,loan_type,state,opened_on";
            case ORDERS -> null;
            case MARKETING -> "contact_id,given,family,tel,mail,list,consent";
        };
    }

    private static String row(DemoLine line, Customer c, Account account, int index) throws JsonProcessingException {
        String email = c.emails().isEmpty() ? "" : c.emails().get(0);
        return switch (line) {
            case INSURANCE -> csv(account.sourceKey(), c.givenName(), c.familyName(), date(c.birthDate(), US_DATE),
                    phone(c, PhoneType.HOME, PhoneNumberFormat.NATIONAL), phone(c, PhoneType.MOBILE, PhoneNumberFormat.NATIONAL),
                    email, account.product(), policyStatus(account.status()),
                    account.status() == AccountStatus.PROSPECT ? "" : date(account.openedOn(), US_DATE));
            case FINANCING -> csv(account.sourceKey(), index % 2 == 0
                            ? (c.familyName() + ", " + c.givenName()).toUpperCase(Locale.ROOT)
                            : c.familyName() + ", " + c.givenName(),
                    date(c.birthDate(), DateTimeFormatter.ISO_LOCAL_DATE),
                    phone(c, PhoneType.MOBILE, PhoneNumberFormat.INTERNATIONAL), email.toUpperCase(Locale.ROOT),
                    account.product(), loanState(account.status()), date(account.openedOn(), DateTimeFormatter.ISO_LOCAL_DATE));
            case ORDERS -> orderLine(c, account, email);
            case MARKETING -> csv(account.sourceKey(), c.givenName(), c.familyName(),
                    phone(c, PhoneType.MOBILE, PhoneNumberFormat.NATIONAL).replace("(", "").replace(") ", "-"),
                    email, account.product(), account.status() == AccountStatus.CLOSED ? "opted-out" : "opted-in");
        };
    }

    /** Orders go to the house: the order desk keeps the home number where there is one. */
    private static String orderLine(Customer c, Account account, String email) throws JsonProcessingException {
        String home = phone(c, PhoneType.HOME, PhoneNumberFormat.NATIONAL);
        String number = home.isEmpty() ? phone(c, PhoneType.MOBILE, PhoneNumberFormat.NATIONAL) : home;
        Map<String, String> order = new LinkedHashMap<>();
        order.put("customerRef", account.sourceKey());
        order.put("firstName", c.givenName());
        order.put("lastName", c.familyName());
        order.put("phone", number.replace("(", "").replace(") ", ".").replace('-', '.'));
        order.put("email", email.isEmpty() ? null : email);
        order.put("channel", account.product());
        order.put("status", account.status().name().toLowerCase(Locale.ROOT));
        order.put("orderedAt", account.openedOn() == null ? null
                : account.openedOn().atTime(11, 20).toInstant(ZoneOffset.UTC).toString());
        return JSON.writeValueAsString(order);
    }

    private static String policyStatus(AccountStatus status) {
        return switch (status) {
            case ACTIVE -> "IN FORCE";
            case LAPSED -> "LAPSED";
            case CLOSED -> "CANCELLED";
            case PROSPECT -> "QUOTE";
        };
    }

    private static String loanState(AccountStatus status) {
        return switch (status) {
            case ACTIVE, LAPSED -> "OPEN";
            case CLOSED -> "PAID OFF";
            case PROSPECT -> "APPLIED";
        };
    }

    /** The customer's number of that type as the system writes it: national at home, international abroad. */
    private static String phone(Customer c, PhoneType type, PhoneNumberFormat usFormat) {
        for (Phone phone : c.phones()) {
            if (phone.type() == type) {
                try {
                    var parsed = PHONES.parse(phone.number().e164(), null);
                    boolean us = "US".equals(PHONES.getRegionCodeForNumber(parsed));
                    return PHONES.format(parsed, us ? usFormat : PhoneNumberFormat.INTERNATIONAL);
                } catch (NumberParseException e) {
                    return phone.number().e164();
                }
            }
        }
        return "";
    }

    private static String date(LocalDate date, DateTimeFormatter format) {
        return date == null ? "" : date.format(format);
    }

    private static String csv(String... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (String value : values) {
            String text = value == null ? "" : value;
            cells.add(text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
        }
        return String.join(",", cells);
    }
}
