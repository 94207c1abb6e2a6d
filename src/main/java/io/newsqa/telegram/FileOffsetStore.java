package io.newsqa.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The offset in a small file under the data folder (when there is no database): one line,
 * {@code <update id> <handled at, epoch ms>}, replaced atomically (written beside it, flushed to
 * disk, then renamed over it), so a crash leaves the old value or the new one, never half of one.
 */
final class FileOffsetStore implements OffsetStore {

    private final Path file;
    private final Clock clock;
    private Record cached;

    FileOffsetStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.cached = read(file);
    }

    static FileOffsetStore inDataDir(Path dataDir, String botId, Clock clock) {
        return new FileOffsetStore(dataDir.resolve("telegram-offset-" + botId), clock);
    }

    @Override
    public synchronized OptionalLong lastHandled() {
        return OffsetStore.meaningful(cached, clock.instant());
    }

    @Override
    public synchronized void markHandled(long updateId) {
        Record record = new Record(updateId, clock.instant());
        byte[] line = (updateId + " " + record.handledAt().toEpochMilli() + "\n").getBytes(StandardCharsets.US_ASCII);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not record the last handled Telegram update in " + file.toAbsolutePath()
                            + ": check that the data folder is writable (newsqa.data-dir).",
                    e);
        }
        cached = record;
    }

    private static Record read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            String[] fields =
                    Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            return new Record(Long.parseLong(fields[0]), Instant.ofEpochMilli(Long.parseLong(fields[1])));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "The Telegram offset file " + file.toAbsolutePath() + " is unreadable (" + e.getMessage()
                            + "). Delete it to start from Telegram's pending updates.",
                    e);
        }
    }
}
