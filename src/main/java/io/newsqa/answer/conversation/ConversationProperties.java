package io.newsqa.answer.conversation;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversation memory ({@code newsqa.conversation.*}).
 *
 * @param maxMessages questions and answers remembered per conversation (two messages per turn)
 * @param dir         folder of the file store used without a database; empty means
 *                    {@code <data-dir>/conversations}
 */
@ConfigurationProperties("newsqa.conversation")
public record ConversationProperties(@DefaultValue("10") int maxMessages, Path dir) {}
