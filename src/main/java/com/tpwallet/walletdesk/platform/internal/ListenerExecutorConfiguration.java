package com.tpwallet.walletdesk.platform.internal;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * The executor that runs asynchronous event listeners
 * ({@code @ApplicationModuleListener}, {@code @Async}): one virtual thread per event,
 * named {@code event-}, awaited on shutdown for as long as
 * {@code spring.task.execution.shutdown} says.
 *
 * <p>
 * Spring Boot would make such an executor itself, but it backs off as soon as any
 * executor bean exists, and the WebSocket broker's channels define three. Spring then ran
 * every listener on its last resort: a new platform thread per event, never awaited at
 * shutdown. The executor is not a bean: as the only {@code AsyncTaskExecutor} bean, Boot
 * would also make it the chat's inbound and outbound channel executor, which
 * {@code ChatConfiguration} sizes itself.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecutorConfiguration implements AsyncConfigurer, DisposableBean {

	private final SimpleAsyncTaskExecutor listeners;

	ListenerExecutorConfiguration(SimpleAsyncTaskExecutorBuilder builder) {
		this.listeners = builder.virtualThreads(true).threadNamePrefix("event-").build();
	}

	@Override
	public Executor getAsyncExecutor() {
		return listeners;
	}

	@Override
	public void destroy() {
		listeners.close();
	}

}
