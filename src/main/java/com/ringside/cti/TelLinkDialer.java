package com.ringside.cti;

import com.ringside.domain.PhoneNumber;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hands a {@code tel:} link to the operating system, which passes it to the softphone registered for it
 * (Teams, Zoom Phone, Zoiper, FaceTime…). The default when no telephony is configured.
 */
public final class TelLinkDialer implements Dialer {
    private final List<String> opener;

    public TelLinkDialer() {
        this(openerFor(System.getProperty("os.name", "")));
    }

    TelLinkDialer(List<String> opener) {
        this.opener = List.copyOf(opener);
    }

    @Override
    public void dial(PhoneNumber number) {
        List<String> command = new ArrayList<>(opener);
        command.add("tel:" + number.e164());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new DialException("No program on this computer takes tel: links ("
                        + String.join(" ", opener) + " exited with " + process.exitValue()
                        + "). Install or configure a softphone; nothing was dialled or recorded.", null);
            }
        } catch (IOException e) {
            throw new DialException("No program on this computer opens tel: links (" + opener.get(0) + " could not be "
                    + "started). Install or configure a softphone; nothing was dialled or recorded.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DialException("Dialling was interrupted.", e);
        }
    }

    @Override
    public String describe() {
        return "the system's tel: handler";
    }

    static List<String> openerFor(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler");
        }
        return os.startsWith("mac") ? List.of("open") : List.of("xdg-open");
    }
}
