package dev.sessionkit.sample.chatbot.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through {@code /usr/bin/chromedriver}, with a fresh
 * profile; both paths are given, so Selenium Manager never looks for (or downloads) a
 * browser or a driver. Wraps the few page interactions the tests need.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts Chromium.
	 * @return the browser
	 */
	static Browser start() {
		for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(Path.of(binary))) {
				throw new IllegalStateException("No " + binary + ": install Debian's Chromium and its driver "
						+ "(apt-get install -y chromium chromium-driver)");
			}
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		Path profile;
		try {
			profile = Files.createTempDirectory("sessionkit-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,960", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), profile);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Opens the page and waits until it has shown the session's state (or failed to).
	 */
	Browser open(String url) {
		this.driver.get(url);
		awaitLoaded();
		return this;
	}

	/**
	 * Reloads the page, as a user pressing F5, and waits until it has loaded.
	 */
	Browser reload() {
		this.driver.navigate().refresh();
		awaitLoaded();
		return this;
	}

	/**
	 * Types a value into a form field over what was there, and leaves the field so that
	 * it is saved; waits until the page's requests are done.
	 */
	Browser fill(String field, String value) {
		WebElement input = this.driver.findElement(By.id(field));
		// Select and overwrite, as a person would: clear() would first save an empty
		// field.
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
		awaitIdle();
		return this;
	}

	/**
	 * Fills in several fields, in order.
	 */
	Browser fill(Map<String, String> values) {
		values.forEach(this::fill);
		return this;
	}

	/**
	 * Sends a chat message with the Enter key and waits for the reply (or the error).
	 */
	Browser chat(String message) {
		int before = messages().size();
		WebElement input = this.driver.findElement(By.id("chat-input"));
		input.sendKeys(message);
		input.sendKeys(Keys.ENTER);
		new WebDriverWait(this.driver, WAIT).until((d) -> messages().size() > before && !busy());
		return this;
	}

	/**
	 * Sends a chat message set directly into the text area, bypassing its length limit,
	 * as a script or a modified page could.
	 */
	Browser chatBypassingLimits(String message) {
		int before = messages().size();
		script("document.getElementById('chat-input').value = arguments[0];"
				+ "document.getElementById('chat-form').requestSubmit();", message);
		new WebDriverWait(this.driver, WAIT).until((d) -> messages().size() > before && !busy());
		return this;
	}

	/**
	 * Returns every cookie the browser holds, of every site and partition, through the
	 * DevTools protocol.
	 */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> allCookies() {
		return (List<Map<String, Object>>) this.driver.executeCdpCommand("Network.getAllCookies", Map.of())
			.get("cookies");
	}

	String value(String field) {
		return this.driver.findElement(By.id(field)).getDomProperty("value");
	}

	String text(String id) {
		return this.driver.findElement(By.id(id)).getText();
	}

	/**
	 * Returns the shown messages, each as {@code author: text} (author {@code user},
	 * {@code bot}, {@code hint} or {@code error}), without timestamps.
	 */
	@SuppressWarnings("unchecked")
	List<String> messages() {
		return (List<String>) script("return [...document.querySelectorAll('#messages .message')]"
				+ ".map((m) => m.classList[1] + ': ' + m.firstChild.textContent);");
	}

	/**
	 * Returns the timestamps of the shown messages, as the server sent them.
	 */
	@SuppressWarnings("unchecked")
	List<String> timestamps() {
		return (List<String>) script(
				"return [...document.querySelectorAll('#messages .message time')].map((t) => t.dateTime);");
	}

	@SuppressWarnings("unchecked")
	<T> T script(String script, Object... arguments) {
		return (T) ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * Saves a screenshot as {@code target/screenshots/<name>.png}.
	 */
	Path screenshot(String name) {
		Path directory = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
		try {
			Files.createDirectories(directory);
			Path target = directory.resolve(name + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean busy() {
		return "true".equals(this.driver.findElement(By.tagName("body")).getDomAttribute("data-busy"));
	}

	void awaitIdle() {
		new WebDriverWait(this.driver, WAIT).until((d) -> !busy());
	}

	private void awaitLoaded() {
		new WebDriverWait(this.driver, WAIT)
			.until((d) -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null && !busy());
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary profile; the OS cleans up eventually
		}
	}

}
