package io.newsqa.support;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs an {@link EachBackend} test on the embedded archive, then on PostgreSQL. */
final class EachBackendExtension implements TestTemplateInvocationContextProvider {

    private static final List<OnBackend> BACKENDS = List.of(
            new OnBackend("embedded", BackendUnderTest.Embedded::new),
            new OnBackend("postgres", BackendUnderTest.Postgres::new));

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return BACKENDS.stream().map(TestTemplateInvocationContext.class::cast);
    }

    /** One run: the backend's name as its display name, a fresh place for it as the parameter. */
    private record OnBackend(String name, Supplier<BackendUnderTest> backend) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return name;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
                    return parameter.getParameter().getType() == BackendUnderTest.class;
                }

                @Override
                public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
                    // One place per test, shared by its @BeforeEach and the test itself; the store
                    // closes it when the test is done.
                    return context.getStore(ExtensionContext.Namespace.create(EachBackendExtension.class))
                            .computeIfAbsent(BackendUnderTest.class, key -> backend.get(), BackendUnderTest.class);
                }
            });
        }
    }
}
