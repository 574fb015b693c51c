package dev.helpsearch.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks ONNX Runtime's native libraries once into a folder of the service's own, instead of the
 * library's default of a fresh temporary folder per start (which a killed process leaves behind,
 * 20 MB at a time). The folder is private to the user running the service, so nobody else can put
 * a library there for it to load; the user's home folder is never written to.
 */
final class OnnxNatives {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxNatives.class);
    private static final String PATH_PROPERTY = "onnxruntime.native.path";

    private OnnxNatives() {}

    /** Points ONNX Runtime at the unpacked libraries; leaves its defaults when that cannot be done. */
    static synchronized void prepare() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        String platform = platform();
        List<String> libraries =
                List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
        try {
            String version = fingerprint("/ai/onnxruntime/native/" + platform + "/" + libraries.get(1));
            if (version == null) {
                return;
            }
            Path folder = privateFolder().resolve("onnxruntime-" + platform + "-" + version);
            Files.createDirectories(folder);
            for (String library : libraries) {
                unpack("/ai/onnxruntime/native/" + platform + "/" + library, folder.resolve(library));
            }
            System.setProperty(PATH_PROPERTY, folder.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "could not unpack ONNX Runtime's libraries into a folder of our own ({}); it will use a temporary one",
                    e.getMessage());
        }
    }

    private static Path privateFolder() throws IOException {
        Path folder =
                Path.of(System.getProperty("java.io.tmpdir"), "helpsearch-" + System.getProperty("user.name", "user"));
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            if (posix) {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
        if (posix
                && (!Files.getOwner(folder).getName().equals(System.getProperty("user.name"))
                        || !Files.getPosixFilePermissions(folder)
                                .equals(PosixFilePermissions.fromString("rwx------")))) {
            throw new IOException(folder + " is not private to this user");
        }
        return folder;
    }

    private static void unpack(String resource, Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return;
        }
        try (InputStream in = OnnxNatives.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " in the ONNX Runtime jar");
            }
            Path partial = Files.createTempFile(
                    target.getParent(), target.getFileName().toString(), ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** A short hash of a bundled library, so that another ONNX Runtime version unpacks beside this one. */
    private static String fingerprint(String resource) throws IOException {
        try (InputStream in = OnnxNatives.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.readAllBytes());
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** ONNX Runtime's name for this platform's folder in its jar. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("win") ? "win" : os.contains("mac") || os.contains("darwin") ? "osx" : "linux";
        String archName = arch.equals("amd64") || arch.equals("x86_64")
                ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
        return osName + "-" + archName;
    }
}
