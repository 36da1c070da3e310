package com.ringside.server;

import static com.ringside.testing.Customers.NOW;
import static com.ringside.testing.Customers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.ringside.domain.Customer;
import com.ringside.domain.Ids;
import com.ringside.domain.UserRole;
import com.ringside.identity.PhoneZones;
import com.ringside.policy.ContactPolicy;
import com.ringside.policy.JollydayHolidays;
import com.ringside.server.Http.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two server processes' worth of master on one PostgreSQL database, as a call centre runs them. */
class TwoServersTest {
    @Test
    void desksSpreadOverTwoServersStillGetOnlyTheAttemptsLeft() throws Exception {
        String url = TestMasters.newDatabase();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ContactPolicy policy = new ContactPolicy(new JollydayHolidays(), new PhoneZones());
        try (JdbcMasterStore first = new JdbcMasterStore(MasterDatabase.postgres(url, "postgres", "postgres"), policy, clock);
             JdbcMasterStore second = new JdbcMasterStore(MasterDatabase.postgres(url, "postgres", "postgres"), policy, clock);
             MasterServer one = new MasterServer(first, clock, Duration.ofHours(1));
             MasterServer two = new MasterServer(second, clock, Duration.ofHours(1))) {
            assertThat(second.masterId()).isEqualTo(first.masterId());
            one.authenticator().addUser("sam", "Sam", UserRole.AGENT, "sam-password".toCharArray());
            Customer ana = first.saveCustomer(customer("Ana", "Ruiz").phone("+14155550123").zone("UTC").build(), NOW);
            first.saveRule(MasterStoreTest.threePerWeek(), null, NOW);
            List<Http> servers = List.of(new Http(one.start("127.0.0.1", 0)), new Http(two.start("127.0.0.1", 0)));
            String token = servers.get(0).signIn("sam", "sam-password");

            List<Callable<Answer>> desks = new ArrayList<>();
            for (int desk = 0; desk < 32; desk++) {
                Http server = servers.get(desk % 2);
                desks.add(() -> server.send("POST", "/dial-permits", token, "{\"eventId\":\"" + Ids.newId()
                        + "\",\"customerId\":\"" + ana.id() + "\",\"number\":\"+14155550123\",\"lineOfBusiness\":\"ORDERS\"}"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(32);
            int granted = 0;
            for (Future<Answer> answer : pool.invokeAll(desks)) {
                granted += answer.get().json().get("granted").asBoolean() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(granted).isEqualTo(3);
            Answer feed = servers.get(1).send("GET", "/changes?after=0&limit=100", token, null);
            assertThat(feed.json().get("changes")).filteredOn(c -> c.get("kind").asText().equals("event")).hasSize(3);
        }
    }
}
