package io.newsqa.telegram;

import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Runs updates through the handler one by one, in order, and records each as handled only after
 * it was: a crash mid-batch leaves the rest to be fetched again, and an update already handled
 * (Telegram sends unconfirmed ones again) is skipped. A failing update is logged and passed
 * over; it never stops the ones after it.
 */
final class UpdateProcessor {

    private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);

    private final UpdateHandler handler;
    private final OffsetStore offsets;

    UpdateProcessor(UpdateHandler handler, OffsetStore offsets) {
        this.handler = handler;
        this.offsets = offsets;
    }

    void process(List<Update> updates) {
        for (Update update : updates) {
            OptionalLong last = offsets.lastHandled();
            long id = update.getUpdateId();
            if (last.isPresent() && id <= last.getAsLong()) {
                log.debug("Skipping update {}: already handled", id);
                continue;
            }
            try {
                handler.handle(update);
            } catch (Exception e) {
                log.error("Telegram update {} could not be handled; going on with the next one", id, e);
            }
            try {
                offsets.markHandled(id);
            } catch (RuntimeException e) {
                // Better to go on answering than to stop: in this process the polling loop does not
                // fetch this update again; only a restart before the next successful record could.
                log.error("Could not record Telegram update {} as handled", id, e);
            }
        }
    }

    /** The offset to ask getUpdates for: the update after the last one handled. */
    Integer nextOffset() {
        OptionalLong last = offsets.lastHandled();
        return last.isPresent() ? Math.toIntExact(last.getAsLong() + 1) : null;
    }
}
