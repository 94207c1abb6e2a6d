package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictdDictionaryTest {

    @Test
    void decodesDictdBase64MostSignificantDigitFirst() {
        assertThat(DictdIndexLine.decode("A", 1)).isZero();
        assertThat(DictdIndexLine.decode("BM", 1)).isEqualTo(76);
        assertThat(DictdIndexLine.decode("/", 1)).isEqualTo(63);
        assertThat(DictdIndexLine.parse("abandon\tBOB\ta", 7))
                .isEqualTo(new DictdIndexLine("abandon", 64 * 64 + 14 * 64 + 1, 26));
    }

    @Test
    void readsTheInstalledEnglishArabicDictionaryWithItsSensesInOrder() {
        DictdDictionary engAra = InstalledDictionaries.ENG_ARA;

        assertThat(engAra.headwords()).isGreaterThan(80_000);
        assertThat(engAra.senses("abandon")).containsExactly("يترك", "يتخلّى عن", "يتنازل عن");
        assertThat(engAra.senses("Abandon")).isEqualTo(engAra.senses("abandon"));
        assertThat(engAra.senses("kremlin")).containsExactly("الكرملين");
        assertThat(engAra.contains("00databaseinfo")).isFalse();
        assertThat(engAra.senses("no-such-headword-xyz")).isEmpty();
    }

    @Test
    void readsTheInstalledArabicEnglishDictionaryWhateverTheDiacriticsAndHamza() {
        DictdDictionary araEng = InstalledDictionaries.ARA_ENG;

        assertThat(araEng.headwords()).isGreaterThan(40_000);
        // The file has "الرئيس" and "الرّئيس" (with shadda): one key after normalisation, senses merged.
        assertThat(araEng.senses("الرئيس")).contains("President", "Chief", "Boss");
        assertThat(araEng.senses("الرّئيس")).isEqualTo(araEng.senses("الرئيس"));
        assertThat(araEng.senses("مرتين")).containsExactly("Twice");
    }

    @Test
    void parsesNumberedAndSingleSenseDefinitions() {
        assertThat(FreeDictDefinition.senses("Abandoning /ɐbˈandənɪŋ/\n1. التّرك،\n2. الهجر\n3. التنازل\n"))
                .containsExactly("التّرك", "الهجر", "التنازل");
        assertThat(FreeDictDefinition.senses("Why /wˈaɪ/\nلماذا\n")).containsExactly("لماذا");
        // Translations, or a translation and its gloss, on one line are senses of their own.
        assertThat(FreeDictDefinition.senses("Yemeni /x/\nاليمنيّ، مواطن من اليمن\n"))
                .containsExactly("اليمنيّ", "مواطن من اليمن");
        assertThat(FreeDictDefinition.senses("Bill /x/\nالحساب، الفاتورة؛ المستحقات\n"))
                .containsExactly("الحساب", "الفاتورة", "المستحقات");
        assertThat(FreeDictDefinition.senses("Empty /x/\n")).isEmpty();
    }

    @Test
    void readsAPlainDictFileAndMergesEntriesOfTheSameHeadword(@TempDir Path dir) throws IOException {
        String data = "Bank /b/\n1. الضفة\n2. المصرف\nBank /b/\nالبنك\n";
        Files.writeString(dir.resolve("test.dict"), data);
        int first = "Bank /b/\n1. الضفة\n2. المصرف\n".getBytes(StandardCharsets.UTF_8).length;
        int second = "Bank /b/\nالبنك\n".getBytes(StandardCharsets.UTF_8).length;
        Files.writeString(
                dir.resolve("test.index"),
                "00databaseshort\tA\tB\nbank\tA\t" + base64(first) + "\nbank\t" + base64(first) + "\t" + base64(second)
                        + "\n");

        DictdDictionary dictionary = DictdDictionary.load(dir, "test", word -> word.toLowerCase(Locale.ROOT));

        assertThat(dictionary.senses("bank")).containsExactly("الضفة", "المصرف", "البنك");
        assertThat(dictionary.headwords()).isEqualTo(1);
    }

    @Test
    void saysWhatIsWrongWithMissingOrBrokenFiles(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> DictdDictionary.load(dir, "absent", word -> word))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent.index is missing");

        Files.writeString(dir.resolve("bad.index"), "word\tA\tZ\n");
        assertThatThrownBy(() -> DictdDictionary.load(dir, "bad", word -> word))
                .hasMessageContaining("dictd data")
                .hasMessageContaining("missing");

        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("bad.dict.dz")))) {
            out.write("short".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> DictdDictionary.load(dir, "bad", word -> word))
                .hasMessageContaining("line 1 points past the end of the data");

        Files.writeString(dir.resolve("bad.index"), "word without tabs\n");
        assertThatThrownBy(() -> DictdDictionary.load(dir, "bad", word -> word))
                .hasMessageContaining("line 1 is not 'headword<TAB>offset<TAB>length'");

        Files.writeString(dir.resolve("bad.index"), "word\tA\t*\n");
        assertThatThrownBy(() -> DictdDictionary.load(dir, "bad", word -> word))
                .hasMessageContaining("bad base64 digit '*'");

        Files.write(dir.resolve("bad.dict.dz"), new byte[] {1, 2, 3});
        Files.writeString(dir.resolve("bad.index"), "word\tA\tB\n");
        assertThatThrownBy(() -> DictdDictionary.load(dir, "bad", word -> word))
                .hasMessageContaining("could not read dictd data")
                .hasMessageContaining("reinstall");
    }

    @Test
    void readsTheArabicCountryNamesOfIsoCodes() {
        CountryNames countries = InstalledDictionaries.COUNTRIES;

        assertThat(countries.size()).isGreaterThan(200);
        assertThat(countries.arabic("united states")).contains("الولايات المتّحدة");
        assertThat(countries.arabic("Iran")).contains("إيران");
        assertThat(countries.english("الولايات المتحدة")).contains("United States");
        assertThatThrownBy(() -> CountryNames.load(InstalledDictionaries.DICTD.resolve("freedict-eng-ara.index")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a gettext .mo catalogue");
    }

    private static String base64(int value) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder digits = new StringBuilder();
        do {
            digits.insert(0, alphabet.charAt(value % 64));
            value /= 64;
        } while (value > 0);
        return digits.toString();
    }
}
