package io.newsqa.telegram;

import io.newsqa.answer.Citation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the bot remembers per chat, in memory: the interface language chosen with {@code /lang}
 * and the sources of the last answer for {@code /sources}. Bounded (least recently used chats
 * are forgotten first) so that a busy bot does not grow without end; a restart forgets it, which
 * costs a user at most one {@code /lang}.
 */
final class ChatMemory {

    private static final int MAX_CHATS = 10_000;

    private record State(BotTexts language, List<Citation> lastSources) {}

    private final Map<Long, State> chats = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, State> eldest) {
            return size() > MAX_CHATS;
        }
    });

    Optional<BotTexts> language(long chatId) {
        return Optional.ofNullable(chats.get(chatId)).map(State::language);
    }

    void setLanguage(long chatId, BotTexts language) {
        chats.compute(chatId, (id, state) -> new State(language, state == null ? List.of() : state.lastSources()));
    }

    List<Citation> lastSources(long chatId) {
        State state = chats.get(chatId);
        return state == null ? List.of() : state.lastSources();
    }

    void setLastSources(long chatId, List<Citation> sources) {
        chats.compute(chatId, (id, state) -> new State(state == null ? null : state.language(), List.copyOf(sources)));
    }
}
