package io.newsqa.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode: Telegram posts each update here with the secret given at setWebhook in the
 * {@code X-Telegram-Bot-Api-Secret-Token} header; anything else is refused with 401. An update
 * is answered before the 200, and a failing one still gets its 200: a non-2xx makes Telegram
 * send the same update again and again.
 */
@RestController
@ConditionalOnWebApplication
class WebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final TelegramBot bot;
    private final ObjectMapper json = new ObjectMapper();

    WebhookController(TelegramBot bot) {
        this.bot = bot;
    }

    @PostMapping("/telegram/webhook")
    ResponseEntity<Void> receive(
            @RequestHeader(name = SECRET_HEADER, required = false) String secret, @RequestBody String body) {
        Optional<UpdateHandler> handler = bot.webhookHandler();
        if (handler.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (secret == null
                || !MessageDigest.isEqual(
                        secret.getBytes(StandardCharsets.UTF_8),
                        bot.webhookSecret().getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(401).build();
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (Exception e) {
            log.warn("Ignoring a webhook body that is not a Telegram update: {}", e.getMessage());
            return ResponseEntity.badRequest().build();
        }
        try {
            handler.get().handle(update);
        } catch (Exception e) {
            log.error("Telegram update {} could not be handled", update.getUpdateId(), e);
        }
        return ResponseEntity.ok().build();
    }
}
