package dev.sessionkit.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Descriptions}.
 */
class DescriptionsTests {

	@Test
	void masksThePasswordOfAUrl() {
		assertThat(Descriptions.url("redis://app:s3cr3t@cache:6379/0")).isEqualTo("redis://app:******@cache:6379/0");
		assertThat(Descriptions.url("rediss://:s3cr3t@cache:6380")).isEqualTo("rediss://:******@cache:6380");
	}

	@Test
	void masksUserInformationWithoutAUserNameWhole() {
		assertThat(Descriptions.url("redis://s3cr3t@cache:6379")).isEqualTo("redis://******@cache:6379");
	}

	@Test
	void masksAPasswordThatContainsAnAtSign() {
		assertThat(Descriptions.url("redis://app:p@ss@cache:6379")).isEqualTo("redis://app:******@cache:6379");
	}

	@Test
	void leavesAUrlWithoutUserInformationAlone() {
		assertThat(Descriptions.url("redis://cache:6379/2")).isEqualTo("redis://cache:6379/2");
		assertThat(Descriptions.url("not a url")).isEqualTo("not a url");
	}

	@Test
	void describesTimeoutsInTheLargestWholeUnit() {
		assertThat(Descriptions.timeout(Duration.ofMinutes(30))).isEqualTo("30m");
		assertThat(Descriptions.timeout(Duration.ofHours(2))).isEqualTo("2h");
		assertThat(Descriptions.timeout(Duration.ofSeconds(90))).isEqualTo("90s");
		assertThat(Descriptions.timeout(Duration.ofMillis(1500))).isEqualTo("1500ms");
		assertThat(Descriptions.timeout(Duration.ofSeconds(-1))).isEqualTo("none (sessions never expire)");
	}

	@Test
	void describesSizesInTheLargestWholeUnit() {
		assertThat(Descriptions.size(DataSize.ofKilobytes(256))).isEqualTo("256KB");
		assertThat(Descriptions.size(DataSize.ofMegabytes(2))).isEqualTo("2MB");
		assertThat(Descriptions.size(DataSize.ofBytes(1500))).isEqualTo("1500B");
	}

}
