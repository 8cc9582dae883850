package io.heitu.service.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Scaling, turning and JPEG encoding of decoded pictures; nothing of a file's metadata is written. */
final class Rasters {

    static final float QUALITY = 0.85f;

    private Rasters() {}

    /** Scaled so the long side is at most {@code maxSide}, on white (no alpha), upright per EXIF. */
    static BufferedImage fit(BufferedImage image, int maxSide, int orientation) {
        BufferedImage scaled = image;
        // Halving steps before the last scale keep detail that one big bilinear step would alias away.
        while (Math.max(scaled.getWidth(), scaled.getHeight()) > 2 * maxSide) {
            scaled = draw(scaled, scaled.getWidth() / 2, scaled.getHeight() / 2, new AffineTransform(), false);
        }
        double factor = Math.min(1.0, (double) maxSide / Math.max(scaled.getWidth(), scaled.getHeight()));
        int width = Math.max(1, (int) Math.round(scaled.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(scaled.getHeight() * factor));
        BufferedImage sized = draw(scaled, width, height, new AffineTransform(), true);
        return turn(sized, orientation);
    }

    /** Applies an EXIF orientation (1 upright … 8); the pixels end up as the camera meant them. */
    static BufferedImage turn(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
            case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
            case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
            case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
            case 7 -> t.setTransform(0, -1, -1, 0, h, w);
            default -> t.setTransform(0, -1, 1, 0, 0, w);
        }
        return draw(image, swap ? h : w, swap ? w : h, t, false);
    }

    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * Draws into a new RGB picture: scaled to {@code width × height} when {@code transform} is the
     * identity, else through the transform (a turn, whose result is that size).
     */
    private static BufferedImage draw(
            BufferedImage source, int width, int height, AffineTransform transform, boolean bicubic) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION,
                    bicubic ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (transform.isIdentity()) {
                g.drawImage(source, 0, 0, width, height, null);
            } else {
                g.drawImage(source, transform, null);
            }
        } finally {
            g.dispose();
        }
        return target;
    }
}
