package io.newsqa.telegram;

/**
 * The bot's own words, in the chat's interface language ({@code /lang}). Plain text: the caller
 * escapes them for HTML like any other text.
 */
enum BotTexts {
    AR(
            "اكتب سؤالك عن الأخبار وسأجيب من الأرشيف مع ذكر كل مقال وتاريخه ورابطه.\n\n"
                    + "/ask سؤال — اسأل (في المجموعات: اذكرني أو ردّ على رسالتي)\n"
                    + "/sources — مصادر آخر إجابة\n"
                    + "/reset — محادثة جديدة (أسئلة المتابعة تُفهم في سياق ما سبقها حتى تبدأ من جديد)\n"
                    + "/lang en — English interface\n"
                    + "/help — هذه الرسالة",
            "المصادر",
            "📚 المصادر",
            "لا مصادر بعد: اطرح سؤالًا أولًا.",
            "اكتب سؤالك بعد الأمر، مثل: /ask متى يفتتح خط الترام؟",
            "سؤالك طويل (%d حرفًا)، والحد %d حرفًا. اختصره من فضلك.",
            "تمهّل قليلًا من فضلك: يمكنك طرح %d أسئلة كل %d ثانية. حاول مجددًا بعد %d ثانية.",
            "عذرًا، تعذّرت الإجابة الآن. حاول مرة أخرى بعد قليل.",
            "ستكون رسائلي بالعربية.",
            "اختر اللغة: /lang ar أو /lang en",
            "بدأنا محادثة جديدة: لن أربط سؤالك التالي بالأسئلة السابقة.",
            "تعذّر على نموذج اللغة الإجابة، فهذه جمل مقتبسة من الأرشيف.",
            "تاريخ النشر: ",
            "الأحدث أولًا"),

    EN(
            "Ask me about the news and I will answer from the archive, citing each article, its date and its link.\n\n"
                    + "/ask question — ask (in groups: mention me or reply to my message)\n"
                    + "/sources — the sources of my last answer\n"
                    + "/reset — start a new conversation (follow-up questions build on the earlier ones until then)\n"
                    + "/lang ar — الواجهة بالعربية\n"
                    + "/help — this message",
            "Sources",
            "📚 Sources",
            "No sources yet: ask a question first.",
            "Write your question after the command, e.g. /ask When does the tram line open?",
            "Your question has %d characters; the limit is %d. Please shorten it.",
            "Please slow down: you can ask %d questions every %d seconds. Try again in %d seconds.",
            "Sorry, I could not answer just now. Please try again in a moment.",
            "I will write my messages in English.",
            "Choose the language: /lang ar or /lang en",
            "New conversation: I will not connect your next question to the earlier ones.",
            "The language model could not answer, so these are sentences quoted from the archive.",
            "Published: ",
            "Newest first");

    /** Both languages: the first thing a new user sees, before any /lang. */
    static final String WELCOME =
            "مرحبًا! أنا NewsQA: اسألني عن الأخبار وسأجيب من الأرشيف مع ذكر المصدر وتاريخه ورابطه.\n\n"
                    + "Hello! I am NewsQA: ask me about the news and I will answer from the archive, citing the source, its date"
                    + " and its link.\n\n"
                    + "أسئلة المتابعة تُفهم في سياق ما سبقها؛ /reset لبدء محادثة جديدة.\n"
                    + "Follow-up questions build on the earlier ones; /reset starts afresh.\n\n/help";

    final String help;
    final String sourcesHeading;
    final String sourcesButton;
    final String noSources;
    final String askUsage;
    final String tooLong;
    final String rateLimited;
    final String failure;
    final String languageSet;
    final String languageUsage;
    final String resetDone;
    /** Under an answer quoted because the language model failed: why it reads differently. */
    final String fallbackNote;
    /** Under an answer searched within dates: before the range, e.g. "Published: 6 December 2026". */
    final String datesSearched;
    /** Under an answer whose sources were ranked newer first ("latest"). */
    final String newestFirst;

    BotTexts(
            String help,
            String sourcesHeading,
            String sourcesButton,
            String noSources,
            String askUsage,
            String tooLong,
            String rateLimited,
            String failure,
            String languageSet,
            String languageUsage,
            String resetDone,
            String fallbackNote,
            String datesSearched,
            String newestFirst) {
        this.help = help;
        this.sourcesHeading = sourcesHeading;
        this.sourcesButton = sourcesButton;
        this.noSources = noSources;
        this.askUsage = askUsage;
        this.tooLong = tooLong;
        this.rateLimited = rateLimited;
        this.failure = failure;
        this.languageSet = languageSet;
        this.languageUsage = languageUsage;
        this.resetDone = resetDone;
        this.fallbackNote = fallbackNote;
        this.datesSearched = datesSearched;
        this.newestFirst = newestFirst;
    }

    /** The language code of these texts, for dates written in it. */
    String code() {
        return this == EN ? "en" : "ar";
    }

    /** {@code ar}, {@code en}, or a Telegram language code such as {@code en-GB}; Arabic otherwise. */
    static BotTexts forCode(String code) {
        return code != null && code.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? EN : AR;
    }

    static boolean known(String code) {
        return code != null && (code.equalsIgnoreCase("ar") || code.equalsIgnoreCase("en"));
    }
}
