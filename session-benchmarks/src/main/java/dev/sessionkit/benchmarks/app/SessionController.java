package dev.sessionkit.benchmarks.app;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.sessionkit.benchmarks.payload.ChatMessage;
import dev.sessionkit.benchmarks.payload.MortgageForm;
import dev.sessionkit.benchmarks.payload.Payload;
import dev.sessionkit.benchmarks.stores.RedisTraffic;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The endpoints the load driver calls, written as an ordinary Spring MVC application
 * writes them: {@code HttpSession}, {@code @RestController}, a small text body.
 * <ul>
 * <li>{@code GET /new}: starts a session holding the payload (a mortgage form and 20 chat
 * messages);</li>
 * <li>{@code GET /read}: a read-only request, it reads the form and the chat;</li>
 * <li>{@code POST /write}: a writing request, it adds a chat message (dropping the
 * oldest);</li>
 * <li>{@code GET /plain}: the same answer without touching the session, the application's
 * cost without a session store;</li>
 * <li>{@code /bench/traffic}, {@code /bench/cpu}, {@code /bench/jit}: the Redis traffic
 * this application sent, the CPU time it used and the time its JIT compilers spent, for
 * the driver's exact counts and its warm-up.</li>
 * </ul>
 */
@RestController
class SessionController {

	private final AtomicLong sequence = new AtomicLong();

	@GetMapping("/new")
	String create(HttpServletRequest request) {
		HttpSession session = request.getSession();
		long seed = this.sequence.incrementAndGet();
		session.setAttribute(Payload.FORM, Payload.form(seed));
		session.setAttribute(Payload.CHAT, Payload.chat(seed));
		return "created";
	}

	@GetMapping("/read")
	String read(HttpServletRequest request) {
		HttpSession session = existing(request);
		MortgageForm form = (MortgageForm) session.getAttribute(Payload.FORM);
		@SuppressWarnings("unchecked")
		List<ChatMessage> chat = (List<ChatMessage>) session.getAttribute(Payload.CHAT);
		return "step " + form.step() + ", " + chat.size() + " messages";
	}

	@PostMapping("/write")
	String write(HttpServletRequest request) {
		HttpSession session = existing(request);
		MortgageForm form = (MortgageForm) session.getAttribute(Payload.FORM);
		@SuppressWarnings("unchecked")
		List<ChatMessage> chat = (List<ChatMessage>) session.getAttribute(Payload.CHAT);
		session.setAttribute(Payload.CHAT, Payload.next(chat, this.sequence.incrementAndGet()));
		return "step " + form.step() + ", " + chat.size() + " messages";
	}

	@GetMapping("/plain")
	String plain() {
		return "step 4, 20 messages";
	}

	@GetMapping("/bench/traffic")
	RedisTraffic.Counts traffic() {
		return RedisTraffic.snapshot();
	}

	@PostMapping("/bench/traffic/reset")
	String resetTraffic() {
		RedisTraffic.reset();
		return "reset";
	}

	@GetMapping("/bench/cpu")
	long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	@GetMapping("/bench/jit")
	long jitMillis() {
		return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
	}

	private static HttpSession existing(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no session");
		}
		return session;
	}

}
