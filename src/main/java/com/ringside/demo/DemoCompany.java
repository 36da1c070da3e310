package com.ringside.demo;

import com.ringside.cache.AgentStore.Agent;
import com.ringside.domain.Account;
import com.ringside.domain.AccountStatus;
import com.ringside.domain.Channel;
import com.ringside.domain.ContactEvent;
import com.ringside.domain.Customer;
import com.ringside.domain.Direction;
import com.ringside.domain.Ids;
import com.ringside.domain.LineOfBusiness;
import com.ringside.domain.Outcome;
import com.ringside.domain.Phone;
import com.ringside.domain.PhoneNumber;
import com.ringside.domain.PhoneType;
import com.ringside.domain.SourceSystem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * A plausible company with four source systems and its call centre, the same for the same seed and date:
 * customers in six regions, households sharing a phone, people with accounts in two or three lines of
 * business, and 18 months of contacts over every channel and outcome. Customer 0 is the case Ringside exists
 * for: Ana Ruiz bought home insurance in 2021, took an auto loan in 2025, and has had two calls from
 * different teams this week. Customer 1, Luis Ruiz, shares her home number.
 */
public final class DemoCompany {
    static final int AGENTS_PER_LINE = 10;
    private static final Duration HISTORY = Duration.ofDays(548);
    private static final String[] NOTES = {"", "", "", "Asked to call back after 6pm", "Interested, send quote",
            "Left message with spouse", "Complained about previous call", "Payment arranged", "Wants e-mail only",
            "Confirmed address"};

    private final long seed;
    private final Instant now;
    private final int averageEvents;
    private final List<Agent> agents;

    public DemoCompany(long seed, LocalDate asOf, int averageEventsPerCustomer) {
        this.seed = seed;
        this.now = asOf.atTime(12, 0).toInstant(ZoneOffset.UTC);
        this.averageEvents = averageEventsPerCustomer;
        this.agents = makeAgents();
    }

    public Instant now() {
        return now;
    }

    public List<Agent> agents() {
        return agents;
    }

    /** Customer {@code index} (0-based) with their contact history; depends only on seed, date and index. */
    public Household customer(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        if (index == 0) {
            return missionCase(random);
        }
        if (index == 1) {
            return household(random);
        }
        boolean household = random.nextInt(3) == 0;
        Random home = new Random(seed ^ ((index / 4) * 7_919L));
        DemoRegion region = pick(household ? home : random, List.of(DemoRegion.values()));
        String family = pick(household ? home : random, region.familyNames);
        // Two people in one home are never given one name: with one phone and no birth date they could not be told apart.
        String given = household ? region.givenNames.get(Math.floorMod(family.hashCode() + index / 4 + index % 4 * 7,
                region.givenNames.size())) : pick(random, region.givenNames);
        Instant created = now.minus(HISTORY).minus(Duration.ofDays(random.nextInt(2_000)));
        List<Phone> phones = new ArrayList<>();
        phones.add(new Phone(number(random, region), PhoneType.MOBILE, random.nextInt(50) == 0));
        if (household) {
            phones.add(new Phone(number(home, region), PhoneType.HOME, false));
        }
        List<Account> accounts = accounts(random, index, created);
        boolean doNotCall = random.nextInt(80) == 0;
        Customer customer = new Customer(customerId(index), 1 + random.nextInt(3), given, family, null,
                LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                random.nextInt(20) == 0 ? null : region.zone, doNotCall, doNotCall ? "Asked not to be called" : null,
                null, phones, List.of(email(given, family, index)), accounts, created, created);
        return new Household(customer, history(random, customer, index));
    }

    private Household missionCase(Random random) {
        Instant created = LocalDate.of(2021, 4, 12).atStartOfDay(ZoneOffset.UTC).toInstant();
        Customer ana = new Customer(customerId(0), 4, "Ana", "Ruiz", null, LocalDate.of(1984, 9, 17),
                DemoRegion.US_PACIFIC.zone, false, null, null,
                List.of(new Phone(PhoneNumber.of("+14155550123"), PhoneType.MOBILE, false),
                        new Phone(PhoneNumber.of("+14155550188"), PhoneType.HOME, false)),
                List.of("ana.ruiz@example.com"),
                List.of(new Account(LineOfBusiness.INSURANCE, DemoLine.INSURANCE.system, DemoLine.INSURANCE.key(0), "Home",
                                AccountStatus.ACTIVE, LocalDate.of(2021, 4, 12)),
                        new Account(LineOfBusiness.FINANCING, DemoLine.FINANCING.system, DemoLine.FINANCING.key(0),
                                "Auto loan", AccountStatus.ACTIVE, LocalDate.of(2025, 6, 3))),
                created, created);
        List<ContactEvent> events = new ArrayList<>(history(random, ana, 0));
        events.removeIf(event -> event.isOutboundCall() && event.occurredAt().isAfter(now.minus(Duration.ofDays(7))));
        events.add(call(ana, now.minus(Duration.ofHours(50)), LineOfBusiness.INSURANCE, "renewals",
                agent(LineOfBusiness.INSURANCE, 2), Outcome.VOICEMAIL, 0, "Renewal due next month"));
        events.add(call(ana, now.minus(Duration.ofHours(20)), LineOfBusiness.FINANCING, "payment-reminder",
                agent(LineOfBusiness.FINANCING, 5), Outcome.CONVERSATION, 312, "Payment date confirmed"));
        return new Household(ana, events);
    }

    /** Luis shares Ana's home number, so a call from it must offer both, never guess. */
    private Household household(Random random) {
        Instant created = LocalDate.of(2023, 11, 2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Customer luis = new Customer(customerId(1), 2, "Luis", "Ruiz", null, LocalDate.of(1981, 2, 3),
                DemoRegion.US_PACIFIC.zone, false, null, null,
                List.of(new Phone(PhoneNumber.of("+14155550177"), PhoneType.MOBILE, false),
                        new Phone(PhoneNumber.of("+14155550188"), PhoneType.HOME, false)),
                List.of("luis.ruiz@example.com"),
                List.of(new Account(LineOfBusiness.ORDERS, DemoLine.ORDERS.system, DemoLine.ORDERS.key(1), "Online order",
                        AccountStatus.ACTIVE, LocalDate.of(2023, 11, 2))),
                created, created);
        return new Household(luis, history(random, luis, 1));
    }

    private List<Account> accounts(Random random, int index, Instant created) {
        List<Account> accounts = new ArrayList<>();
        int count = 1 + (random.nextInt(10) < 3 ? 1 + random.nextInt(2) : 0);
        int first = random.nextInt(DemoLine.values().length);
        for (int i = 0; i < count; i++) {
            DemoLine line = DemoLine.values()[(first + i) % DemoLine.values().length];
            LocalDate opened = LocalDate.ofInstant(created.plus(Duration.ofDays(random.nextInt(1_500))), ZoneOffset.UTC);
            if (opened.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                opened = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(random.nextInt(30));
            }
            AccountStatus status = line == DemoLine.MARKETING ? AccountStatus.PROSPECT
                    : random.nextInt(8) == 0 ? AccountStatus.LAPSED : AccountStatus.ACTIVE;
            accounts.add(new Account(line.line, line.system, line.key(index), pick(random, line.products), status, opened));
        }
        return accounts;
    }

    private List<ContactEvent> history(Random random, Customer customer, int index) {
        int count = averageEvents <= 0 ? 0 : random.nextInt(2 * averageEvents + 1);
        List<ContactEvent> events = new ArrayList<>(count);
        long span = HISTORY.toSeconds();
        for (int i = 0; i < count; i++) {
            Instant at = now.minusSeconds((long) (span * Math.pow(random.nextDouble(), 1.6)));
            Account account = customer.accounts().get(random.nextInt(customer.accounts().size()));
            DemoLine line = DemoLine.valueOf(account.lineOfBusiness().name());
            Channel channel = channel(random);
            Direction direction = channel == Channel.CALL
                    ? (random.nextInt(10) < 7 ? Direction.OUTBOUND : Direction.INBOUND)
                    : (random.nextInt(10) < 8 ? Direction.OUTBOUND : Direction.INBOUND);
            Outcome outcome = channel == Channel.CALL ? outcome(random, direction) : null;
            int duration = outcome != null && outcome.isConversation() ? 30 + random.nextInt(900) : 0;
            UUID agent = channel == Channel.CALL || channel == Channel.VISIT
                    ? agent(line.line, random.nextInt(AGENTS_PER_LINE)) : null;
            PhoneNumber number = channel == Channel.CALL || channel == Channel.SMS
                    ? customer.phones().get(random.nextInt(customer.phones().size())).number() : null;
            events.add(new ContactEvent(eventId(index, i), customer.id(), at, channel, direction, line.line,
                    pick(random, line.campaigns), agent, number, outcome, duration, NOTES[random.nextInt(NOTES.length)],
                    line.system, false, null));
        }
        return events;
    }

    private ContactEvent call(Customer customer, Instant at, LineOfBusiness line, String campaign, UUID agent,
                              Outcome outcome, int duration, String notes) {
        return new ContactEvent(Ids.v7(at.toEpochMilli(), new Random(at.toEpochMilli())), customer.id(), at,
                Channel.CALL, Direction.OUTBOUND, line, campaign, agent, customer.phones().get(0).number(), outcome,
                duration, notes, SourceSystem.RINGSIDE, false, null);
    }

    private static Channel channel(Random random) {
        int roll = random.nextInt(100);
        if (roll < 60) {
            return Channel.CALL;
        }
        if (roll < 75) {
            return Channel.EMAIL;
        }
        if (roll < 85) {
            return Channel.SMS;
        }
        if (roll < 90) {
            return Channel.LETTER;
        }
        return roll < 93 ? Channel.VISIT : Channel.WEB;
    }

    private static Outcome outcome(Random random, Direction direction) {
        if (direction == Direction.INBOUND) {
            return random.nextInt(10) == 0 ? Outcome.ABANDONED : Outcome.CONVERSATION;
        }
        int roll = random.nextInt(100);
        if (roll < 30) {
            return Outcome.NO_ANSWER;
        }
        if (roll < 40) {
            return Outcome.VOICEMAIL;
        }
        if (roll < 45) {
            return Outcome.BUSY;
        }
        if (roll < 48) {
            return Outcome.ABANDONED;
        }
        if (roll < 80) {
            return Outcome.CONVERSATION;
        }
        if (roll < 88) {
            return Outcome.REFUSED;
        }
        return roll < 96 ? Outcome.SALE : Outcome.WRONG_NUMBER;
    }

    private static PhoneNumber number(Random random, DemoRegion region) {
        StringBuilder national = new StringBuilder(pick(random, region.areaCodes));
        national.append(region.subscriberStarts.charAt(random.nextInt(region.subscriberStarts.length())));
        while (national.length() < region.nationalLength) {
            national.append(random.nextInt(10));
        }
        return PhoneNumber.of(region.countryCode + national);
    }

    private UUID customerId(int index) {
        return Ids.v7(now.minus(HISTORY).toEpochMilli() + index, new Random(seed + index));
    }

    private UUID eventId(int customerIndex, int eventIndex) {
        return Ids.v7(now.minus(HISTORY).toEpochMilli() + customerIndex, new Random(seed * 31 + customerIndex * 131L + eventIndex));
    }

    private UUID agent(LineOfBusiness line, int number) {
        return agents.get(line.ordinal() * AGENTS_PER_LINE + number).id();
    }

    private List<Agent> makeAgents() {
        Random random = new Random(seed);
        List<Agent> made = new ArrayList<>();
        for (LineOfBusiness line : LineOfBusiness.values()) {
            for (int i = 0; i < AGENTS_PER_LINE; i++) {
                String name = pick(random, List.of("Sam", "Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley",
                        "Jamie", "Robin", "Drew", "Kai", "Noor")) + " " + (char) ('A' + random.nextInt(26)) + ".";
                made.add(new Agent(Ids.v7(1_600_000_000_000L + made.size(), random), name,
                        line.name().charAt(0) + line.name().substring(1).toLowerCase(Locale.ROOT)));
            }
        }
        return List.copyOf(made);
    }

    private static String email(String given, String family, int index) {
        String plain = java.text.Normalizer.normalize(given + "." + family, java.text.Normalizer.Form.NFD);
        String local = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        return local + index + "@example.com";
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A customer and the contacts they have had. */
    public record Household(Customer customer, List<ContactEvent> events) {
    }
}
