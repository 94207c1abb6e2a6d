package io.newsqa.cli;

import io.newsqa.NewsQaApplication;
import io.newsqa.answer.AnswerProperties;
import io.newsqa.answer.ExtractiveAnswerer;
import io.newsqa.config.NewsQaProperties;
import io.newsqa.embedding.Embeddings;
import io.newsqa.eval.AnswerQuality;
import io.newsqa.eval.AnswerScore;
import io.newsqa.eval.Background;
import io.newsqa.eval.EvalChart;
import io.newsqa.eval.EvalDatabase;
import io.newsqa.eval.EvalReport;
import io.newsqa.eval.EvalResult;
import io.newsqa.eval.EvalRunner;
import io.newsqa.eval.Split;
import io.newsqa.eval.SquadFile;
import io.newsqa.ingest.Chunker;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.RetrievalConfiguration;
import io.newsqa.retrieve.RetrievalProperties;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.retrieve.time.ReferenceClock;
import io.newsqa.translate.CrossLingualRanking;
import io.newsqa.translate.DictionaryQueryTranslator;
import io.newsqa.translate.DictionaryTranslators;
import io.newsqa.translate.LlmQueryTranslator;
import io.newsqa.translate.LlmTranslationMode;
import io.newsqa.translate.TranslationProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Measure retrieval on SQuAD v1.1 or v2.0 files (e.g. ../shared/eval/xquad/xquad.ar.json xquad.en.json).",
            "Each paragraph's text becomes an article of its own in a fresh archive (deleted afterwards), past de-duplication;",
            "empty paragraphs are skipped and counted; --background news is stored around them. For each question set",
            "(each file's own questions per question language, and both directions between files with the same question ids)",
            "and each method (hybrid, dense, lexical, plain LangChain4j baseline; hybrid+dictionary with the FreeDict",
            "dictionaries installed, hybrid+llm and hybrid+dictionary+llm with a language model configured) prints",
            "recall@1/5/10, MRR@10 and latency. Ties in score count against the gold paragraph. SQuAD v2.0 unanswerable",
            "questions count for --answers only; a question's reference_date (yyyy-mm-dd) is 'now' for its time words.",
            "With --answers, also measures the extractive answer (no language model) of every set, cross-lingual too:",
            "answered, contains gold (anywhere; within 2 consecutive sentences), mean answer length, and the refusal's",
            "precision and recall on unanswerable questions and with the gold paragraph removed from the archive.",
            "Files first, then options: FILE... --split dev --background DAY.zip..."
        })
public final class EvalCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SQuAD v1.1 or v2.0 JSON files.")
    List<Path> files;

    @Option(
            names = "--split",
            defaultValue = "all",
            paramLabel = "dev|test|all",
            description =
                    "Which articles of each file, in file order: dev the first half, test the second (XQuAD: 24 and 24),"
                            + " all (default: ${DEFAULT-VALUE}). Choose constants on dev, report on test.")
    String split;

    @Option(
            names = "--with-titles",
            description = "Store each paragraph under its article's title, when the file's titles"
                    + " are in its paragraphs' language (XQuAD's are English in every file).")
    boolean withTitles;

    @Option(
            names = "--background",
            arity = "1..*",
            paramLabel = "FILE.zip",
            description =
                    "News dumps (SaudiNewsNet day ZIPs, or any file ingest reads) stored around the paragraphs through"
                            + " the normal ingest, as distractors; an article that is or holds an evaluated paragraph is skipped"
                            + " (and gives that paragraph its date).")
    List<Path> background = List.of();

    @Option(
            names = "--archive",
            defaultValue = "embedded",
            paramLabel = "embedded|postgres|both",
            description =
                    "Archive implementation(s) to evaluate (default: ${DEFAULT-VALUE}). postgres uses NEWSQA_DB_URL, else NEWSQA_TEST_DB_URL.")
    String archive;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Option(
            names = "--misses",
            paramLabel = "FILE",
            description =
                    "Also list each question the product's search did not"
                            + " rank first (tab-separated: archive, set, method, id, rank, rank counting near copies, question, gold, first hits).")
    Path missesFile;

    @Option(
            names = "--chart",
            paramLabel = "FILE",
            description = "Also draw a PNG bar chart of recall@1 and recall@5"
                    + " (with --answers, the answer's figures too, in FILE-answers.png).")
    Path chart;

    @Option(
            names = "--fusion",
            split = ",",
            paramLabel = "DENSE:LEXICAL[:K]",
            description =
                    "Extra hybrid runs with these weights (and RRF k) for every language, to measure them (e.g. 0:1,0.3:1,0.3:1:20).")
    List<String> fusionVariants = List.of();

    @Option(
            names = "--answers",
            description = "Also measure the extractive answer: answered, contains gold, refusal"
                    + " precision and recall (each question asked with and without its paragraph in the archive).")
    boolean answers;

    @Option(
            names = "--answers-every",
            defaultValue = "1",
            paramLabel = "N",
            description = "With --answers, ask every N-th question of a set only (default: ${DEFAULT-VALUE}, all).")
    int answersEvery;

    @Option(
            names = "--no-baseline",
            description = "Leave out the in-memory LangChain4j baseline (it embeds every paragraph and"
                    + " background article a second time).")
    boolean noBaseline;

    @Override
    public Integer call() {
        List<String> archives = switch (archive) {
            case "embedded", "postgres" -> List.of(archive);
            case "both" -> List.of("embedded", "postgres");
            default -> null;
        };
        if (archives == null) {
            System.err.println("--archive must be embedded, postgres or both, not '" + archive + "'");
            return 2;
        }
        if (answersEvery < 1) {
            System.err.println("--answers-every must be 1 or more (1 asks every question), not " + answersEvery);
            return 2;
        }
        Split chosen;
        List<SquadFile> squad = new ArrayList<>();
        try {
            chosen = Split.parse(split);
            for (Path file : files) {
                squad.add(SquadFile.read(file).split(chosen));
            }
            for (Path dump : background) {
                if (!java.nio.file.Files.exists(dump)) {
                    throw new IllegalArgumentException(
                            "--background " + dump + ": no such file or folder. Give news dumps such as"
                                    + " ../shared/bench/saudinewsnet/2015-07-21.zip");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Background news = background.isEmpty() ? Background.none() : Background.read(background);
        if (!background.isEmpty()) {
            System.err.printf(
                    "background: %d articles read from %d files (%d items unreadable)%n",
                    news.size(), background.size(), news.unreadable());
        }
        try (ConfigurableApplicationContext context = evalContext()) {
            NewsQaProperties properties = context.getBean(NewsQaProperties.class);
            RetrievalProperties retrieval = context.getBean(RetrievalProperties.class);
            Map<String, Function<String, FusionWeights>> variants = new LinkedHashMap<>();
            for (String variant : fusionVariants) {
                FusionWeights weights = parseWeights(variant, retrieval.rrfK());
                variants.put("hybrid " + variant, language -> weights);
            }
            EvalDatabase database = EvalDatabase.from(properties.db());
            if (archives.contains("postgres") && database.url() == null) {
                throw new IllegalArgumentException(
                        "--archive postgres needs a database: set NEWSQA_DB_URL (and NEWSQA_DB_USER,"
                                + " NEWSQA_DB_PASSWORD) or NEWSQA_TEST_DB_URL. The evaluation works in a new schema and drops it afterwards.");
            }
            Embeddings embeddings = context.getBean(Embeddings.class);
            RetrievalProperties.Time time = retrieval.time();
            EvalRunner.Settings settings = new EvalRunner.Settings(
                    archives,
                    embeddings.id(),
                    RetrievalConfiguration.fusionWeights(retrieval, embeddings.id()),
                    retrieval.maxChunksPerArticle(),
                    variants,
                    database,
                    day -> new QuestionTime(
                            time.enabled(),
                            ReferenceClock.of(day.toString(), time.zone(), Optional::empty),
                            time.weekStartsOn(),
                            retrieval.recency().halfLife()),
                    withTitles);
            Chunker chunker = Chunker.forModel(embeddings, properties.chunkTokens());
            EvalRunner runner = new EvalRunner(embeddings, chunker, settings, System.err);
            AnswerQuality quality = answers
                    ? new AnswerQuality(context.getBean(ExtractiveAnswerer.class), retrieval.passages(), answersEvery)
                    : null;
            if (quality != null) {
                runner.withAnswers(quality);
            }
            if (noBaseline) {
                runner.withoutBaseline();
            }
            addCrossLingualRuns(runner, context);
            PrintStream missesOut = null;
            if (missesFile != null) {
                try {
                    missesOut = new PrintStream(Files.newOutputStream(missesFile), true, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalArgumentException(
                            "--misses " + missesFile + ": cannot write it (" + e.getMessage() + ")");
                }
                runner.withMisses(missesOut);
            }
            List<EvalResult> results;
            try {
                results = runner.run(squad, news);
            } finally {
                if (missesOut != null) {
                    missesOut.close();
                }
            }
            List<AnswerScore> answerScores = quality == null ? List.of() : quality.scores();
            System.out.print(EvalReport.heading(chosen, runner.loads()));
            System.out.print(EvalReport.table(results));
            if (quality != null) {
                System.out.println();
                System.out.print(AnswerScore.table(answerScores));
            }
            if (json != null) {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("archives", archives);
                described.put("embeddingModel", embeddings.id());
                described.put("rrfK", retrieval.rrfK());
                described.put("weights", retrieval.weights());
                described.put("modelWeights", retrieval.modelWeights().getOrDefault(embeddings.id(), Map.of()));
                described.put("maxChunksPerArticle", retrieval.maxChunksPerArticle());
                described.put("chunkTokens", properties.chunkTokens());
                described.put("withTitles", withTitles);
                described.put("background", news.files());
                if (quality != null) {
                    described.put("passages", retrieval.passages());
                    described.put(
                            "answerMinScore",
                            context.getBean(AnswerProperties.class).minScore());
                    described.put(
                            "answerEmbeddingWeight",
                            context.getBean(AnswerProperties.class).embeddingWeight());
                    described.put("answersEvery", answersEvery);
                }
                EvalReport.writeJson(
                        json,
                        files.stream().map(Path::toString).toList(),
                        chosen,
                        runner.loads(),
                        described,
                        results,
                        answerScores);
                System.err.println("Wrote " + json);
            }
            if (chart != null) {
                EvalChart.write(chart, results);
                System.err.println("Wrote " + chart);
                if (quality != null) {
                    Path answersChart = answersChart(chart);
                    EvalChart.writeAnswers(answersChart, answerScores);
                    System.err.println("Wrote " + answersChart);
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    /** {@code eval.png} → {@code eval-answers.png}, next to it. */
    static Path answersChart(Path chart) {
        String name = chart.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String answers = dot > 0 ? name.substring(0, dot) + "-answers" + name.substring(dot) : name + "-answers";
        return chart.resolveSibling(answers);
    }

    /**
     * With the dictionaries installed, {@code hybrid+dictionary}; with a language model configured,
     * {@code hybrid+llm} (its translation alone) and {@code hybrid+dictionary+llm} (both fused), so
     * that the table says which translation is better. The measured answers search as the product
     * does: with the translation configured as {@code TranslationConfiguration} wires it.
     */
    private static void addCrossLingualRuns(EvalRunner runner, ConfigurableApplicationContext context) {
        TranslationProperties translation = context.getBean(TranslationProperties.class);
        if (!translation.enabled()) {
            return;
        }
        List<DictionaryQueryTranslator> dictionaries = DictionaryTranslators.load(
                translation.dictionaryDir(), translation.countryNames(), translation.maxSenses());
        if (!dictionaries.isEmpty()) {
            runner.withCrossLingual(
                    "hybrid+dictionary",
                    archive -> new CrossLingualRanking(archive, dictionaries, translation.weight()));
        }
        LlmQueryTranslator llm = context.getBean(LlmQueryTranslator.class);
        if (!dictionaries.isEmpty() || llm.enabled()) {
            runner.withProductTranslation(archive -> new CrossLingualRanking(
                    archive, dictionaries, translation.weight(), translation.namesMaxAge(), llm, translation.llm()));
        }
        if (llm.enabled()) {
            runner.withCrossLingual(
                    "hybrid+llm",
                    archive -> new CrossLingualRanking(
                            archive,
                            List.of(),
                            translation.weight(),
                            translation.namesMaxAge(),
                            llm,
                            LlmTranslationMode.IN_ADDITION));
            if (!dictionaries.isEmpty()) {
                runner.withCrossLingual(
                        "hybrid+dictionary+llm",
                        archive -> new CrossLingualRanking(
                                archive,
                                dictionaries,
                                translation.weight(),
                                translation.namesMaxAge(),
                                llm,
                                LlmTranslationMode.IN_ADDITION));
            }
        }
    }

    private static FusionWeights parseWeights(String text, int rrfK) {
        String[] parts = text.split(":");
        try {
            if (parts.length == 2 || parts.length == 3) {
                return new FusionWeights(
                        Double.parseDouble(parts[0]),
                        Double.parseDouble(parts[1]),
                        parts.length == 3 ? Integer.parseInt(parts[2]) : rrfK);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--fusion takes DENSE:LEXICAL[:RRF_K] such as 0.2:1 or 0.2:1:20, not '" + text + "'");
    }

    /**
     * The application's settings and embedding model, nothing started eagerly: the evaluation
     * builds fresh archives of its own and must not open the reader's archive.
     */
    static ConfigurableApplicationContext evalContext() {
        return new SpringApplicationBuilder(NewsQaApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .lazyInitialization(true)
                // stdout carries the table only; the ONNX runtime's GPU probe warns on every start.
                .properties("logging.level.ai.djl=ERROR")
                .run();
    }
}
