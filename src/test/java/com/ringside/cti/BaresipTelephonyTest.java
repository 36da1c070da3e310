package com.ringside.cti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ringside.cti.CallEvent.CallState;
import com.ringside.domain.PhoneNumber;
import com.ringside.testing.Baresip;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against two real baresip softphones calling each other over loopback SIP. */
class BaresipTelephonyTest {
    private static final String AGENT_LINE = "+442079460958";
    private static final String CUSTOMER = "+14155550123";

    @TempDir
    Path dir;
    private Baresip agentPhone;
    private Baresip customerPhone;
    private BaresipTelephony agent;
    private BaresipTelephony customer;
    private final BlockingQueue<CallEvent> atAgent = new LinkedBlockingQueue<>();
    private final BlockingQueue<CallEvent> atCustomer = new LinkedBlockingQueue<>();

    @BeforeEach
    void phones() throws Exception {
        agentPhone = Baresip.start(dir.resolve("agent"), AGENT_LINE, true);
        customerPhone = Baresip.start(dir.resolve("customer"), CUSTOMER, true);
        agent = new BaresipTelephony(agentPhone.control(), customerPhone.dialUri(), Clock.systemUTC());
        customer = new BaresipTelephony(customerPhone.control(), agentPhone.dialUri(), Clock.systemUTC());
        agent.start(atAgent::add);
        customer.start(atCustomer::add);
        awaitConnected(agent);
        awaitConnected(customer);
    }

    /** Closes what started: without baresip the set-up stops at the first phone, and the tests are skipped. */
    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
            customer.close();
        }
        if (customerPhone != null) {
            customerPhone.close();
        }
        if (agentPhone != null) {
            agentPhone.close();
        }
    }

    @Test
    void aCallFromTheCustomerRingsAtTheDeskWithTheirNumberThenIsAnsweredAndEnds() throws Exception {
        customer.dial(PhoneNumber.of(AGENT_LINE));

        CallEvent ringing = next(atAgent);
        assertThat(ringing.state()).isEqualTo(CallState.RINGING);
        assertThat(ringing.inbound()).isTrue();
        assertThat(CallerId.numberIn(ringing.callerId())).contains(CUSTOMER);
        CallEvent answered = next(atAgent);
        assertThat(answered.state()).isEqualTo(CallState.ANSWERED);
        assertThat(answered.callId()).isEqualTo(ringing.callId());

        CallEvent customerSide = nextIn(atCustomer, CallState.ANSWERED);
        customer.hangUp(customerSide.callId());
        CallEvent ended = nextIn(atAgent, CallState.ENDED);
        assertThat(ended.callId()).isEqualTo(ringing.callId());
    }

    @Test
    void clickToDialRingsTheCustomersPhoneFromTheAgentsLine() throws Exception {
        agent.dial(PhoneNumber.of(CUSTOMER));

        CallEvent outbound = next(atAgent);
        assertThat(outbound.state()).isEqualTo(CallState.RINGING);
        assertThat(outbound.inbound()).isFalse();
        assertThat(CallerId.numberIn(outbound.callerId())).contains(CUSTOMER);
        CallEvent atTheirPhone = next(atCustomer);
        assertThat(atTheirPhone.inbound()).isTrue();
        assertThat(CallerId.numberIn(atTheirPhone.callerId())).contains(AGENT_LINE);
    }

    @Test
    void whenTheSoftphoneDiesMidCallTheCallEndsAndDiallingSaysWhy() throws Exception {
        customer.dial(PhoneNumber.of(AGENT_LINE));
        CallEvent answered = nextIn(atAgent, CallState.ANSWERED);

        agentPhone.kill();

        CallEvent ended = nextIn(atAgent, CallState.ENDED);
        assertThat(ended.callId()).isEqualTo(answered.callId());
        assertThat(ended.reason()).contains("went away");
        assertThatThrownBy(() -> agent.dial(PhoneNumber.of(CUSTOMER)))
                .isInstanceOf(DialException.class).hasMessageContaining("not reachable");
    }

    private static void awaitConnected(Telephony telephony) throws InterruptedException {
        for (int i = 0; i < 100 && !telephony.connected(); i++) {
            Thread.sleep(50);
        }
        assertThat(telephony.connected()).as("connected to baresip").isTrue();
    }

    private static CallEvent next(BlockingQueue<CallEvent> events) throws InterruptedException {
        CallEvent event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("a call event within 10 s").isNotNull();
        return event;
    }

    private static CallEvent nextIn(BlockingQueue<CallEvent> events, CallState state) throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            CallEvent event = next(events);
            if (event.state() == state) {
                return event;
            }
        }
        throw new AssertionError("no " + state + " event among " + List.copyOf(events));
    }
}
