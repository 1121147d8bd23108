package com.tpwallet.walletdesk.platform.internal;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor that runs asynchronous event listeners
 * ({@code @ApplicationModuleListener}, {@code @Async}): platform threads named
 * {@code event-}, reused while idle, a new one when all are busy (no queue, so a slow
 * listener never holds back the next event), and awaited on shutdown for as long as
 * {@code spring.task.execution.shutdown} says.
 *
 * <p>
 * Spring Boot would make an executor itself, but it backs off as soon as any executor
 * bean exists, and the WebSocket broker's channels define three. Spring then ran every
 * listener on its last resort: a new platform thread per event, never awaited at
 * shutdown. Not virtual threads: some listeners compute for seconds (the feedback
 * classifier trains on first use), and a virtual thread that computes keeps its carrier
 * from the requests, which run on virtual threads too. Not a bean: as the only
 * {@code AsyncTaskExecutor} bean, Boot would also make it the chat's inbound and outbound
 * channel executor, which {@code ChatConfiguration} sizes itself.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecutorConfiguration implements AsyncConfigurer, DisposableBean {

	private final ThreadPoolTaskExecutor listeners;

	ListenerExecutorConfiguration(ThreadPoolTaskExecutorBuilder builder) {
		this.listeners = builder.threadNamePrefix("event-")
			.corePoolSize(2)
			.maxPoolSize(Integer.MAX_VALUE)
			.queueCapacity(0)
			.build();
		listeners.initialize();
	}

	@Override
	public Executor getAsyncExecutor() {
		return listeners;
	}

	@Override
	public void destroy() {
		listeners.shutdown();
	}

}
