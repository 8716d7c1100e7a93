package app.cascade.bench;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the latency benchmarks of issue 19 ({@link NoisyNeighbourBenchmark}, {@link SupportAt500Benchmark}) share: the
 * percentiles of a series of timings, the machine they ran on, and the JSON file they write under target/bench.
 */
final class BenchFigures {

    private BenchFigures() {
    }

    /** p50 / p95 / max of a series, in milliseconds; p95 is the value at rank ceil(0.95 n), as PushBenchmark takes. */
    record Percentiles(int samples, double p50Ms, double p95Ms, double maxMs, List<Double> eachMs) {

        static Percentiles of(List<Double> ms) {
            if (ms.isEmpty()) {
                return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, List.of());
            }
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            int n = sorted.length;
            return new Percentiles(n, round(sorted[(n - 1) / 2]), round(sorted[(int) Math.ceil(n * 0.95) - 1]),
                    round(sorted[n - 1]), ms.stream().map(BenchFigures::round).toList());
        }

        String brief() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d samples)", p50Ms, p95Ms,
                    maxMs, samples);
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static double millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1e6;
    }

    /** The 1, 5 and 15 minute load averages; on 2 cores, above ~1 means other work shared the machine. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", parts[0], parts[1], parts[2]);
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }

    static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        m.put("cpu", procLine("/proc/cpuinfo", "model name"));
        m.put("memory", procLine("/proc/meminfo", "MemTotal"));
        m.put("jvmMaxHeapMiB", String.valueOf(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        m.put("jdk", Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private static String procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Waits a fixed time: the benchmarks pace their samples and start Run Now at random moments on purpose. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    /** Writes {@code result} as indented JSON to target/bench/{@code name} and says where. */
    static void write(String name, Object result) {
        File dir = new File("target/bench");
        dir.mkdirs();
        File file = new File(dir, name);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).findAndAddModules().build()
                .writeValue(file, result);
        System.out.println("Wrote " + file.getAbsolutePath());
    }
}
