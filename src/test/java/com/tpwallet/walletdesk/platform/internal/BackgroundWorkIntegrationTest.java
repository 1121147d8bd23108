package com.tpwallet.walletdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tpwallet.walletdesk.HttpTestBase;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The whole application, chat broker included: the service's jobs run on their own
 * scheduler, not on the broker's heart-beat threads.
 */
class BackgroundWorkIntegrationTest extends HttpTestBase {

	@Autowired
	SchedulerConfiguration scheduling;

	@Autowired
	ScheduledTaskHolder scheduled;

	@Test
	void theServicesJobsAreScheduledOnTheirOwnPoolOfTheConfiguredSize() {
		ScheduledThreadPoolExecutor jobs = scheduling.jobs().getScheduledThreadPoolExecutor();
		assertThat(jobs.getCorePoolSize()).as("spring.task.scheduling.pool.size").isEqualTo(4);
		assertThat(scheduled.getScheduledTasks()).hasSizeGreaterThanOrEqualTo(9);
		assertThat(jobs.getTaskCount()).as("jobs ever scheduled on this pool")
			.isGreaterThanOrEqualTo(scheduled.getScheduledTasks().size());
	}

}
