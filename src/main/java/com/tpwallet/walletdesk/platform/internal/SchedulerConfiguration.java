package com.tpwallet.walletdesk.platform.internal;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
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
class SchedulerConfiguration implements SchedulingConfigurer, DisposableBean {

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

	@Override
	public void destroy() {
		jobs.destroy();
	}

}
