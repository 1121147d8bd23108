package com.tpwallet.walletdesk.platform.internal;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The scheduler of the service's own jobs (SLA clock, reconciliation, outboxes, chat
 * waits...): {@code spring.task.scheduling.pool.size} threads named {@code scheduling-}.
 *
 * <p>
 * Spring Boot would make it, but backs off as soon as any scheduler bean exists, and the
 * WebSocket broker configuration defines one. The jobs then ran on the broker's
 * scheduler: one thread per core (two here), whatever the pool size said, so two slow
 * jobs at once held back all the others. Not a bean, for the same reason as
 * {@link ListenerExecutorConfiguration}'s executor.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration implements SchedulingConfigurer, SmartLifecycle, DisposableBean {

	private final ThreadPoolTaskScheduler jobs;

	SchedulerConfiguration(ThreadPoolTaskSchedulerBuilder builder) {
		this.jobs = builder.threadNamePrefix("scheduling-").build();
		jobs.initialize();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.setTaskScheduler(jobs);
	}

	ThreadPoolTaskScheduler jobs() {
		return jobs;
	}

	/*
	 * The scheduler follows its context's lifecycle as a bean would: a stopped context (a
	 * test's cached one, paused while another runs) runs no jobs. Without this, a paused
	 * test context's chat-wait job released the chats another context's test was waiting
	 * for, in the database they share.
	 */
	@Override
	public void start() {
		jobs.start();
	}

	@Override
	public void stop() {
		jobs.stop();
	}

	@Override
	public void stop(Runnable callback) {
		jobs.stop(callback);
	}

	@Override
	public boolean isRunning() {
		return jobs.isRunning();
	}

	@Override
	public int getPhase() {
		return jobs.getPhase();
	}

	@Override
	public void destroy() {
		jobs.destroy();
	}

}
