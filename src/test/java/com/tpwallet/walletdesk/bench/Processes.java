package com.tpwallet.walletdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bench server's processes as /proc shows them: the JVM (and its threads by what they
 * do), and its PostgreSQL, which pg_ctl detaches from the JVM: found from the
 * postmaster's pid file.
 */
public final class Processes {

	public static final double TICKS_PER_SECOND = 100;

	private Processes() {
	}

	/**
	 * Proportional set sizes (shared pages split between the processes sharing them).
	 */
	public record Memory(long jvm, long postgres) {
		public long total() {
			return jvm + postgres;
		}
	}

	/**
	 * CPU ticks used so far: the JVM, and PostgreSQL (with what its exited children
	 * used).
	 */
	public static long[] cpuTicks(long pid, Path postmasterPid) {
		return new long[] { ticks(pid, false), postgres(postmasterPid).stream().mapToLong(p -> ticks(p, true)).sum() };
	}

	public static Memory memory(long pid, Path postmasterPid) {
		return new Memory(pss(pid), postgres(postmasterPid).stream().mapToLong(Processes::pss).sum());
	}

	/** The postmaster and its children. */
	public static List<Long> postgres(Path postmasterPid) {
		try {
			long postmaster = Long.parseLong(Files.readAllLines(postmasterPid).getFirst().strip());
			List<Long> pids = new ArrayList<>(List.of(postmaster));
			ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
			return pids;
		}
		catch (Exception e) {
			return List.of();
		}
	}

	public static long ticks(long pid, boolean withChildren) {
		try {
			String[] f = statFields(Files.readString(Path.of("/proc/" + pid + "/stat")));
			long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
			return withChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
		}
		catch (Exception e) {
			return 0; // the process ended meanwhile
		}
	}

	/**
	 * CPU ticks of a JVM's threads by what they do, from the names the kernel knows them
	 * by (cut at 15 characters): each group is the threads whose name starts with one of
	 * its prefixes, the first group that matches; the rest go to "other". The kernel sees
	 * the JVM's own threads (compilers, collector) too, which the ThreadMXBean does not
	 * list. Threads that ended in between are not counted.
	 */
	public static Map<String, Long> threadTicks(long pid, Map<String, List<String>> groups) {
		Map<String, Long> byGroup = new LinkedHashMap<>();
		groups.keySet().forEach(group -> byGroup.put(group, 0L));
		byGroup.put("other", 0L);
		try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			for (Path task : tasks.toList()) {
				String stat;
				try {
					stat = Files.readString(task.resolve("stat"));
				}
				catch (java.io.IOException ended) {
					continue;
				}
				String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				String[] f = statFields(stat);
				long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
				String group = groups.entrySet()
					.stream()
					.filter(g -> g.getValue()
						.stream()
						.anyMatch(prefix -> comm.startsWith(prefix.length() > 15 ? prefix.substring(0, 15) : prefix)))
					.map(Map.Entry::getKey)
					.findFirst()
					.orElse("other");
				byGroup.merge(group, ticks, Long::sum);
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return byGroup;
	}

	/**
	 * The fields of a {@code /proc/.../stat} line after the command's name (which may
	 * hold spaces): utime and stime, the 14th and 15th, are [11] and [12]; the
	 * children's, [13] and [14].
	 */
	public static String[] statFields(String stat) {
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
	}

	public static long pss(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))
				.stream()
				.filter(l -> l.startsWith("Pss:"))
				.mapToLong(l -> Long.parseLong(l.replaceAll("\\D+", "")) * 1024)
				.findFirst()
				.orElse(0);
		}
		catch (Exception e) {
			return 0;
		}
	}

}
