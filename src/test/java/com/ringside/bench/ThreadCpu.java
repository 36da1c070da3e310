package com.ringside.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JVM's CPU time split by thread, with threads of one pool (names differing only in digits) added up; what
 * no Java thread accounts for (the JIT compilers, the garbage collector, threads that ended) is the remainder.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> startById = times();
    private final long processStart = PROCESS.getProcessCpuTime();

    /** Seconds of CPU per thread pool since this was made, largest first, one line. */
    String since() {
        Map<String, Long> byPool = new TreeMap<>();
        long threads = 0;
        for (Map.Entry<Long, Long> now : times().entrySet()) {
            long spent = now.getValue() - startById.getOrDefault(now.getKey(), 0L);
            threads += spent;
            byPool.merge(names.get(now.getKey()).replaceAll("[0-9]+", "#"), spent, Long::sum);
        }
        byPool.put("(JIT, GC and other non-Java threads)", PROCESS.getProcessCpuTime() - processStart - threads);
        StringBuilder line = new StringBuilder();
        byPool.entrySet().stream().filter(pool -> pool.getValue() >= 50_000_000L)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(pool -> line.append(String.format(Locale.ROOT, "%s %.1f s; ", pool.getKey(), pool.getValue() / 1e9)));
        return line.toString();
    }

    private Map<Long, Long> times() {
        Map<Long, Long> times = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    times.put(info.getThreadId(), cpu);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        return times;
    }
}
