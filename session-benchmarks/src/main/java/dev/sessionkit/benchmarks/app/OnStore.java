package dev.sessionkit.benchmarks.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Map;

import dev.sessionkit.benchmarks.stores.Store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Applies a configuration when {@code bench.store} names one of the given stores.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Conditional(OnStore.StoreCondition.class)
@interface OnStore {

	/**
	 * The stores the configuration applies to.
	 * @return the stores
	 */
	Store[] value();

	/**
	 * Matches the {@code bench.store} property against {@link OnStore#value()}.
	 */
	class StoreCondition implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Map<String, Object> attributes = metadata.getAnnotationAttributes(OnStore.class.getName());
			String id = context.getEnvironment().getProperty("bench.store");
			if (attributes == null || id == null) {
				return false;
			}
			Store store = Store.of(id);
			return Arrays.asList((Store[]) attributes.get("value")).contains(store);
		}

	}

}
