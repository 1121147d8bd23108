package com.tpwallet.walletdesk.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import com.tpwallet.walletdesk.notifications.Notice.Channel;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * The real delivery adapters against an in-process SMTP server (GreenMail) and an HTTP
 * SMS gateway.
 */
class DeliveryAdaptersIntegrationTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Test
	void sendsUtf8EmailOverSmtp() throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(mail.getSmtp().getPort());
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mail", sender);
		var adapter = new SmtpEmailSender(beans.getBeanProvider(JavaMailSender.class), "no-reply@tpwallet.example");

		adapter.deliver(new OutboundMessage(Channel.EMAIL, "li.wei@example.com", "您的验证码", "【tpWallet】验证码 123456"));

		MimeMessage[] received = mail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("您的验证码");
		assertThat(received[0].getContent().toString()).contains("验证码 123456");
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("li.wei@example.com");
	}

	@Test
	void postsTextMessagesToTheHttpGatewayAndFailsOnAnError() throws Exception {
		List<String> bodies = new ArrayList<>();
		List<String> auth = new ArrayList<>();
		HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		int[] status = { 202 };
		gateway.createContext("/sms", exchange -> {
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
			exchange.sendResponseHeaders(status[0], -1);
			exchange.close();
		});
		gateway.start();
		try {
			String url = "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms";
			var adapter = new HttpSmsGateway(RestClient.builder(), url, "secret-key", "tpWallet",
					Duration.ofSeconds(10));
			adapter.deliver(new OutboundMessage(Channel.SMS, "+8613912345678", null, "【tpWallet】验证码 654321"));
			assertThat(bodies.get(0)).contains("\"to\":\"+8613912345678\"").contains("验证码 654321");
			assertThat(auth.get(0)).isEqualTo("Bearer secret-key");

			status[0] = 503;
			assertThatThrownBy(() -> adapter.deliver(new OutboundMessage(Channel.SMS, "+8613912345678", null, "x")))
				.isInstanceOf(RestClientException.class);
		}
		finally {
			gateway.stop(0);
		}
	}

	@Test
	void aGatewayThatDoesNotAnswerWithinTheTimeoutIsAFailure() throws Exception {
		CountDownLatch answer = new CountDownLatch(1);
		HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/sms", exchange -> {
			try {
				answer.await(30, TimeUnit.SECONDS);
				exchange.sendResponseHeaders(202, -1);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		gateway.start();
		try {
			String url = "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms";
			var adapter = new HttpSmsGateway(RestClient.builder(), url, "secret-key", "tpWallet",
					Duration.ofMillis(300));
			assertThatThrownBy(() -> adapter.deliver(new OutboundMessage(Channel.SMS, "+8613912345678", null, "x")))
				.isInstanceOf(ResourceAccessException.class);
		}
		finally {
			answer.countDown();
			gateway.stop(0);
		}
	}

}
