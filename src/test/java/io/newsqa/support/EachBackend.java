package io.newsqa.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs once on each archive backend, embedded and PostgreSQL, each time in a place of
 * its own: it (or its {@code @BeforeEach}) takes a {@link BackendUnderTest}, which is closed and
 * dropped after the test. The contract tests of the archive ports are written this way, so that a
 * contract is written once and a backend cannot be left out.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EachBackendExtension.class)
public @interface EachBackend {}
