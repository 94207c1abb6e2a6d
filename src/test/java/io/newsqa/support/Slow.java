package io.newsqa.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A suite that takes minutes rather than seconds (fuzzing, child-process ingests, hundreds of
 * real articles): left out of the developer loop {@code ./mvnw test}, run by
 * {@code scripts/test.sh} and so by CI.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Slow.TAG)
public @interface Slow {

    String TAG = "slow";
}
