package dev.permafrost.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak memory of this JVM, printed by children as {@code HEAP_PEAK_MB} and {@code RSS_PEAK_MB} lines. */
final class Memory {

    private Memory() {
    }

    static void print() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("HEAP_PEAK_MB %.1f%n", heap / 1048576.0);
        System.out.printf("RSS_PEAK_MB %.1f%n", rssPeakKb() / 1024.0);
    }

    /**
     * The CPU time of every thread of this JVM so far (javac's, the JIT compilers', the collector's), printed as
     * {@code CPU_MS}: the work a build costs however the cores were shared, beside its wall time (on the two-core
     * machines measured it spread from run to run about as much as the wall time did).
     */
    static void printCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long nanos = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        System.out.printf("CPU_MS %.1f%n", nanos / 1e6);
    }

    /** VmHWM of /proc/self/status: the resident set's high-water mark, in kB; -1 where there is no /proc. */
    private static long rssPeakKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
