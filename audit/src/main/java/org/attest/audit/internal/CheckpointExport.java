package org.attest.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.attest.audit.Checkpoint;

/**
 * The export directory an outside store collects from (a write-once bucket, a log shipper): one file per checkpoint
 * ({@link CheckpointStatement}) and the public keys under {@code keys/<key id>.pem}. Files are written once, to a
 * temporary name first and then moved into place, so a collector never reads half a file.
 */
final class CheckpointExport {

    static final String PREFIX = "attest-checkpoint-";

    private final Path directory;

    CheckpointExport(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** Writes the checkpoint's file unless it is there already. */
    void write(Checkpoint checkpoint) {
        writeOnce(
                directory.resolve(CheckpointStatement.fileName(checkpoint.id())), CheckpointStatement.file(checkpoint));
    }

    /** Writes the files of the checkpoints that are not exported yet; returns how many it wrote. */
    int writeMissing(Collection<Checkpoint> checkpoints) {
        int written = 0;
        for (Checkpoint checkpoint : checkpoints) {
            if (!Files.exists(directory.resolve(CheckpointStatement.fileName(checkpoint.id())))) {
                write(checkpoint);
                written++;
            }
        }
        return written;
    }

    void writePublicKey(PublicKey key) {
        String id = CheckpointKeyRing.keyId(key);
        writeOnce(
                directory.resolve("keys").resolve(id.replace(':', '-') + ".pem"),
                Pem.encode(Pem.PUBLIC_KEY, key.getEncoded()));
    }

    /** Every exported checkpoint, by id. */
    Exported readAll() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new Exported(checkpoints, unreadable);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*.txt")) {
            for (Path file : files) {
                try {
                    checkpoints.add(CheckpointStatement.parse(Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException | IOException e) {
                    unreadable.add(file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint export directory cannot be read", e);
        }
        checkpoints.sort(Comparator.comparingLong(Checkpoint::id));
        unreadable.sort(Comparator.naturalOrder());
        return new Exported(checkpoints, unreadable);
    }

    private static void writeOnce(Path target, String text) {
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".", ".partial");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint file " + target.getFileName() + " cannot be written", e);
        }
    }

    /**
     * What the export directory holds.
     *
     * @param checkpoints the files that parse, by id
     * @param unreadable names of files that do not parse
     */
    record Exported(List<Checkpoint> checkpoints, List<String> unreadable) {

        static final Exported NONE = new Exported(List.of(), List.of());

        Exported {
            checkpoints = List.copyOf(checkpoints);
            unreadable = List.copyOf(unreadable);
        }
    }
}
