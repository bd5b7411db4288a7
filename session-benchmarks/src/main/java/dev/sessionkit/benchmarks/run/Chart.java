package dev.sessionkit.benchmarks.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Draws the run's chart with Java2D (no dependency): grouped horizontal bars, one panel
 * per measure, one group per store, SessionKit's stores highlighted.
 */
final class Chart {

	private static final Color READ = new Color(0x2E86AB);

	private static final Color WRITE = new Color(0xF18F01);

	private static final Color KIT_BACKGROUND = new Color(0xEAF6EC);

	private static final int WIDTH = 1400;

	private static final int LABEL_WIDTH = 290;

	private static final int ROW = 34;

	private Chart() {
	}

	/**
	 * One panel: a value pair per store, with a text after each bar.
	 *
	 * @param title the panel's title
	 * @param unit the unit on the axis
	 * @param rows the stores' rows
	 */
	record Panel(String title, String unit, List<Row> rows) {

	}

	/**
	 * One store in a panel.
	 *
	 * @param label the store
	 * @param highlighted whether it is one of SessionKit's
	 * @param read the first value, or NaN
	 * @param write the second value, or NaN
	 * @param readText text after the first bar
	 * @param writeText text after the second bar
	 */
	record Row(String label, boolean highlighted, double read, double write, String readText, String writeText) {

	}

	static void write(Path file, String title, String subtitle, List<Panel> panels) {
		int height = 110 + panels.stream().mapToInt(Chart::height).sum() + 20;
		BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, height);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
		g.drawString(title, 30, 40);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
		g.setColor(Color.DARK_GRAY);
		g.drawString(subtitle, 30, 66);
		legend(g, 30, 92);
		int y = 110;
		for (Panel panel : panels) {
			drawPanel(g, panel, y);
			y += height(panel);
		}
		g.dispose();
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			ImageIO.write(image, "png", file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int height(Panel panel) {
		return 60 + panel.rows().size() * ROW;
	}

	private static void legend(Graphics2D g, int x, int y) {
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
		g.setColor(READ);
		g.fillRect(x, y - 11, 14, 12);
		g.setColor(Color.BLACK);
		g.drawString("read-only request", x + 20, y);
		g.setColor(WRITE);
		g.fillRect(x + 170, y - 11, 14, 12);
		g.setColor(Color.BLACK);
		g.drawString("writing request", x + 190, y);
		g.setColor(KIT_BACKGROUND);
		g.fillRect(x + 330, y - 12, 14, 14);
		g.setColor(Color.BLACK);
		g.drawString("SessionKit", x + 350, y);
	}

	private static void drawPanel(Graphics2D g, Panel panel, int top) {
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
		g.setColor(Color.BLACK);
		g.drawString(panel.title(), 30, top + 22);
		double max = 0;
		for (Row row : panel.rows()) {
			max = Math.max(max, finite(row.read()));
			max = Math.max(max, finite(row.write()));
		}
		max = (max <= 0) ? 1 : max * 1.02;
		int barLeft = 30 + LABEL_WIDTH;
		int barWidth = WIDTH - barLeft - 230;
		int y = top + 40;
		for (Row row : panel.rows()) {
			if (row.highlighted()) {
				g.setColor(KIT_BACKGROUND);
				g.fillRect(20, y - 2, WIDTH - 40, ROW - 2);
			}
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, row.highlighted() ? Font.BOLD : Font.PLAIN, 14));
			g.drawString(row.label(), 30, y + 19);
			bar(g, barLeft, y + 3, barWidth, row.read(), max, READ, row.readText());
			bar(g, barLeft, y + 16, barWidth, row.write(), max, WRITE, row.writeText());
			y += ROW;
		}
		g.setColor(Color.GRAY);
		g.setStroke(new BasicStroke(1));
		g.drawLine(barLeft, top + 36, barLeft, y);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.drawString(panel.unit(), barLeft + barWidth - 200, top + 22);
	}

	private static void bar(Graphics2D g, int left, int y, int width, double value, double max, Color color,
			String text) {
		if (Double.isNaN(value)) {
			return;
		}
		int length = (int) Math.round(width * Math.max(0, value) / max);
		g.setColor(color);
		g.fillRect(left, y, Math.max(length, 1), 12);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.drawString(text, left + length + 6, y + 11);
	}

	private static double finite(double value) {
		return Double.isNaN(value) ? 0 : value;
	}

}
