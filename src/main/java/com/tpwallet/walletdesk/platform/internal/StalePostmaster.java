package com.tpwallet.walletdesk.platform.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;

/**
 * The embedded PostgreSQL runs in a process group of its own, so when the JVM alone dies
 * ({@code kill -9}, the kernel's OOM killer) the postmaster lives on and keeps the data
 * directory: the next start then waited for a server that could never start. Before
 * starting, a postmaster still recorded in our data directory is stopped if no live JVM
 * owns the directory (zonky keeps a file lock on {@code epg-lock} while it runs, and the
 * kernel drops it with the JVM that held it). It is asked for a fast shutdown (SIGINT:
 * transactions of the dead JVM roll back, a checkpoint is written), and killed only if it
 * has not gone within a minute; then PostgreSQL's own crash recovery replays the WAL on
 * the next start.
 */
final class StalePostmaster {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	private StalePostmaster() {
	}

	static void stopIfOrphaned(Path dataDir, Log log) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> postmaster = recordedPostmaster(pidFile);
		if (postmaster.isEmpty()) {
			return; // nothing alive under that pid: PostgreSQL clears its own stale lock
					// file
		}
		if (!postmaster.get().info().command().orElse("").contains("postgres")) {
			// The pid was reused by an unrelated process; PostgreSQL would refuse to
			// start beside it.
			Files.deleteIfExists(pidFile);
			return;
		}
		if (ownedByALiveJvm(dataDir)) {
			return; // another instance runs on this directory: zonky will say so
		}
		stop(postmaster.get(), log);
	}

	private static Optional<ProcessHandle> recordedPostmaster(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
	}

	private static boolean ownedByALiveJvm(Path dataDir) throws IOException {
		Path lockFile = dataDir.resolve("epg-lock");
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException thisJvm) {
			return true;
		}
	}

	private static void stop(ProcessHandle postmaster, Log log) throws IOException {
		log.warn("A PostgreSQL server (pid " + postmaster.pid()
				+ ") was left running on this data directory by a process that died; stopping it");
		new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start();
		try {
			postmaster.onExit().get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.TimeoutException slow) {
			log.warn("PostgreSQL (pid " + postmaster.pid() + ") did not stop within " + PATIENCE + "; killing it");
			postmaster.destroyForcibly();
			postmaster.onExit().join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping a stale PostgreSQL", e);
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw new IOException(e);
		}
	}

}
