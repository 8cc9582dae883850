package io.heitu.service.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * DEMO PICTURES, drawn rather than photographed (the demo has no real farm): a 5 kg bag of Shulan
 * rice, a paddy field before harvest, a 承诺达标合格证 and an inspection report, each marked as
 * demo data. Uploaded through the real evidence path, so they are re-encoded and hashed like any.
 */
final class DemoPictures {

    private static final List<Path> FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

    private final Font font;

    private DemoPictures(Font font) {
        this.font = font;
    }

    /** With Debian's CJK font; without it the pictures carry no Chinese text. */
    static DemoPictures load() {
        for (Path path : FONTS) {
            if (Files.isReadable(path)) {
                try {
                    return new DemoPictures(Font.createFonts(path.toFile())[0]);
                } catch (IOException | FontFormatException unreadable) {
                    // try the next
                }
            }
        }
        return new DemoPictures(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    byte[] riceBag() {
        BufferedImage image = new BufferedImage(900, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setPaint(new GradientPaint(0, 0, new Color(0xF3E9D2), 0, 900, new Color(0xD9C7A0)));
        g.fillRect(0, 0, 900, 900);
        g.setColor(new Color(0, 0, 0, 40));
        g.fill(new Ellipse2D.Double(170, 780, 560, 70));
        Path2D bag = new Path2D.Double();
        bag.moveTo(230, 150);
        bag.curveTo(300, 120, 600, 120, 670, 150);
        bag.lineTo(720, 780);
        bag.curveTo(600, 820, 300, 820, 180, 780);
        bag.closePath();
        g.setColor(new Color(0xFBF7EC));
        g.fill(bag);
        g.setColor(new Color(0xB3141B));
        g.fill(new RoundRectangle2D.Double(205, 300, 490, 150, 20, 20));
        g.setColor(new Color(0x2E6B1F));
        g.fill(new RoundRectangle2D.Double(195, 640, 510, 60, 20, 20));
        g.setColor(Color.WHITE);
        text(g, "舒兰大米", 96, 450, 410);
        text(g, "5 kg", 44, 450, 685);
        g.setColor(new Color(0x7A4B00));
        text(g, "地理标志产品", 36, 450, 520);
        g.setColor(new Color(0xE8DDBF));
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            double x = 300 + random.nextInt(300);
            double y = 550 + random.nextInt(60);
            g.fill(new Ellipse2D.Double(x, y, 18, 9));
        }
        demo(g, 900);
        return png(image);
    }

    byte[] paddyField() {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setPaint(new GradientPaint(0, 0, new Color(0x8EC5F0), 0, 330, new Color(0xE3F1FB)));
        g.fillRect(0, 0, 1200, 330);
        g.setColor(new Color(0x6F8F6A));
        Path2D hills = new Path2D.Double();
        hills.moveTo(0, 330);
        hills.curveTo(200, 220, 380, 260, 560, 300);
        hills.curveTo(760, 210, 980, 240, 1200, 300);
        hills.lineTo(1200, 340);
        hills.lineTo(0, 340);
        g.fill(hills);
        g.setPaint(new GradientPaint(0, 330, new Color(0xC9A23A), 0, 800, new Color(0xE0B84A)));
        g.fillRect(0, 330, 1200, 470);
        g.setStroke(new BasicStroke(3f));
        g.setColor(new Color(0xA17F22));
        for (int i = -20; i <= 20; i++) {
            g.drawLine(600 + i * 8, 335, 600 + i * 90, 800);
        }
        Random random = new Random(11);
        g.setColor(new Color(0xF2D278));
        for (int i = 0; i < 400; i++) {
            int y = 340 + random.nextInt(460);
            int x = random.nextInt(1200);
            int size = 2 + (y - 330) / 60;
            g.fillOval(x, y, size * 2, size);
        }
        demo(g, 1200);
        return png(image);
    }

    byte[] commitment(String product, String quantity, String producer, String contact, String date) {
        BufferedImage image = new BufferedImage(1000, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(new Color(0xFFFDF6));
        g.fillRect(0, 0, 1000, 700);
        g.setColor(new Color(0xB3141B));
        g.setStroke(new BasicStroke(8f));
        g.drawRect(30, 30, 940, 640);
        text(g, "承诺达标合格证", 56, 500, 120);
        g.setColor(new Color(0x1B1B1B));
        String[][] rows = {{"产品名称", product}, {"数量（重量）", quantity}, {"生产者", producer}, {"联系方式", contact}, {"开具日期", date}
        };
        int y = 210;
        for (String[] row : rows) {
            left(g, row[0] + "：" + row[1], 34, 90, y);
            y += 62;
        }
        left(g, "我承诺对生产销售的食用农产品：☑ 不使用禁用农药兽药 ☑ 不使用非法添加物", 24, 90, y + 10);
        left(g, "☑ 常规农药兽药残留不超标    承诺依据：☑ 自检合格", 24, 90, y + 50);
        demo(g, 1000);
        return png(image);
    }

    /** A one-page PDF whose page is a drawn report, as scanned reports often are. */
    byte[] inspectionReport(String number, String product, String lot, List<String[]> results) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1240, 1754);
        g.setColor(new Color(0x1B1B1B));
        text(g, "吉林省农产品质量安全检测中心", 48, 620, 170);
        text(g, "检 验 报 告", 72, 620, 300);
        left(g, "报告编号：" + number, 32, 140, 420);
        left(g, "样品名称：" + product, 32, 140, 480);
        left(g, "批    号：" + lot, 32, 140, 540);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(140, 600, 1100, 600);
        left(g, "检测项目", 30, 140, 650);
        left(g, "结果", 30, 560, 650);
        left(g, "限量", 30, 760, 650);
        left(g, "判定", 30, 960, 650);
        int y = 720;
        for (String[] row : results) {
            left(g, row[0], 30, 140, y);
            left(g, row[1], 30, 560, y);
            left(g, row[2], 30, 760, y);
            left(g, "合格", 30, 960, y);
            y += 60;
        }
        g.drawLine(140, y, 1100, y);
        left(g, "结论：所检项目符合 GB 2762-2022、GB 2763-2021 要求。", 30, 140, y + 80);
        g.setColor(new Color(0xB3141B));
        g.setStroke(new BasicStroke(6f));
        g.draw(new Ellipse2D.Double(820, y + 160, 240, 240));
        text(g, "检验专用章", 30, 940, y + 290);
        demo(g, 1240);
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(
                        LosslessFactory.createFromImage(pdf, image),
                        0,
                        0,
                        PDRectangle.A4.getWidth(),
                        PDRectangle.A4.getHeight());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void demo(Graphics2D g, int width) {
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRoundRect(width - 250, 16, 230, 50, 16, 16);
        g.setColor(new Color(0xB3141B));
        text(g, "示例数据 DEMO", 26, width - 135, 50);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private void text(Graphics2D g, String text, float size, int centreX, int baseline) {
        g.setFont(font.deriveFont(Font.BOLD, size));
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, centreX - width / 2, baseline);
    }

    private void left(Graphics2D g, String text, float size, int x, int baseline) {
        g.setFont(font.deriveFont(Font.PLAIN, size));
        g.drawString(text, x, baseline);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
