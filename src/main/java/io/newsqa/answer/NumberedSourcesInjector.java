package io.newsqa.answer;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.ContentInjector;
import io.newsqa.answer.chain.Prompts;
import java.util.List;
import java.util.Map;

/**
 * Writes the user message the model answers: the {@code answer.txt} template filled with the
 * sources numbered [1]..[n] (in retrieval order) and the question.
 */
public final class NumberedSourcesInjector implements ContentInjector {

    private final Prompts prompts;

    public NumberedSourcesInjector(Prompts prompts) {
        this.prompts = prompts;
    }

    @Override
    public ChatMessage inject(List<Content> contents, ChatMessage chatMessage) {
        String question = ((UserMessage) chatMessage).singleText();
        String text = prompts.fill(
                prompts.answer(),
                Map.of("sources", NumberedSources.render(NumberedSources.from(contents)), "question", question));
        return UserMessage.from(text);
    }
}
