import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Writes a synthetic WIDTH x HEIGHT RGB JPEG (smooth gradients, a dark disc in the centre and a grid) for the
 * huge-image benchmark: {@code java -Xmx4g src/test/scripts/GenerateLargeJpeg.java OUT.jpg WIDTH HEIGHT}. Generation
 * holds the whole image (3 bytes per pixel); it is not part of the measurement.
 */
public final class GenerateLargeJpeg {
    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        long cx = width / 2;
        long cy = height / 2;
        long radius = Math.min(width, height) / 4;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                boolean disc = (x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius;
                boolean grid = x % 500 < 4 || y % 500 < 4;
                int r = disc ? 30 : (int) (255L * x / width);
                int g = disc ? 40 : (int) (255L * y / height);
                int b = grid ? 255 : disc ? 50 : 128;
                bgr[i] = (byte) b;
                bgr[i + 1] = (byte) g;
                bgr[i + 2] = (byte) r;
            }
        }
        if (!ImageIO.write(image, "jpeg", out)) {
            throw new IllegalStateException("no JPEG writer");
        }
        System.out.println("wrote " + out + " (" + width + "x" + height + ", " + out.length() / 1024 + " KB)");
    }
}
