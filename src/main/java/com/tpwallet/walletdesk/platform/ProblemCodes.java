package com.tpwallet.walletdesk.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes an operation can answer with one kind of refusal, declared next to
 * the operation so that its OpenAPI entry lists them (under {@code x-problem-codes} and
 * in the response's description). App developers program against these codes; a test
 * checks that each one exists.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemCodes.List.class)
public @interface ProblemCodes {

	/** The kind of refusal, which decides the status the web edge answers with. */
	Refusal.Kind kind();

	/** The codes, each a {@code problem.*} message. */
	String[] value();

	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@interface List {

		ProblemCodes[] value();

	}

}
