package dev.sessionkit.benchmarks.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sessionkit.benchmarks.stores.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store measured in several JVMs counts as the mean of its JVMs in each round: the same
 * code runs a few percent apart from one JVM to another, which one JVM per store would
 * pass off as a difference between the stores.
 */
class ReportTests {

	@TempDir
	Path out;

	@Test
	void applicationsAreNamedByStoreAndJvm() {
		List<Bench.App> apps = Bench.App.list("map#2:8082,kit-memory:8080,map:8081");
		assertThat(apps).extracting(Bench.App::id).containsExactly("kit-memory", "map", "map#2");
		assertThat(apps.get(2).store()).isEqualTo(Store.MAP);
		assertThat(apps.get(2).port()).isEqualTo(8082);
	}

	@Test
	void theMemoryStoreRatioComparesTheMeansOfEachStoresJvmsRoundByRound() {
		// kit-memory's first JVM is the slow one, map's JVMs agree: the means are equal
		Report report = report(18_000, 22_000, 20_000, 20_000);
		String markdown = report.markdown();
		Report.Target write = memoryWriteTarget(report);
		assertThat(write.measured()).startsWith("1.00x");
		assertThat(write.holds()).isTrue();
		assertThat(markdown)
			.contains("`kit-memory` ran in 2 JVMs, median req/s of each: read - / -; write 18,000 / 22,000");
	}

	@Test
	void aStoreSlowerInEveryJvmFailsTheTarget() {
		Report report = report(18_000, 18_500, 20_000, 20_500);
		report.markdown();
		assertThat(memoryWriteTarget(report).holds()).isFalse();
	}

	/** A report of three rounds of writes, each store in two JVMs at the given req/s. */
	private Report report(double kit1, double kit2, double map1, double map2) {
		List<Results.HttpRun> runs = new ArrayList<>();
		for (int round = 1; round <= 3; round++) {
			runs.add(run("kit-memory", 1, round, kit1));
			runs.add(run("kit-memory", 2, round, kit2));
			runs.add(run("map", 1, round, map1));
			runs.add(run("map", 2, round, map2));
		}
		Results.write(this.out.resolve("results.json"),
				new Results.Driver("default", List.of("kit-memory", "map"), 8, 3, 3, List.of(), List.of(), runs, 0, 0));
		return new Report(this.out);
	}

	private static Report.Target memoryWriteTarget(Report report) {
		return report.targets()
			.stream()
			.filter((target) -> target.name().startsWith("Memory store write"))
			.findFirst()
			.orElseThrow();
	}

	private static Results.HttpRun run(String store, int fork, int round, double requestsPerSecond) {
		return new Results.HttpRun(store, fork, "write", round, requestsPerSecond, 0.3, 5, 60, 0, 0);
	}

}
