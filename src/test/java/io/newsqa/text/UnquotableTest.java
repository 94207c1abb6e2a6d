package io.newsqa.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnquotableTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                // isnad chains
                "حدثنا أبو بكر بن أبي شيبة، قال: حدثنا وكيع، عن سفيان، عن منصور.",
                "وأخبرنا محمد بن عبد الله عن أبي هريرة رضي الله عنه أن رسول الله صلى الله عليه وسلم قال ذلك.",
                "قال سهل الإسفراييني: حدثني سليم أنه كان في سفرة بالري.",
                "عن ابن عمر عن النبي أنه نهى عن ذلك.",
                // bylines
                "By Jane Doe",
                "Reporting by Jane Doe and John Roe; Editing by Mark Smith",
                "كتب: محمد العلي",
                "بقلم عبدالله الناصر",
                // captions and credits
                "الصورة: وزير الخارجية خلال المؤتمر الصحفي.",
                "Photo: the minister at the press conference.",
                "متظاهرون في ساحة التحرير أمس (رويترز)",
                // navigation
                "رابط الخبر بصحيفة الوئام: السعودي.. المبتهج",
                "Home > World > Middle East",
                "Follow us on Twitter for more.",
                "تابعونا على تويتر.",
                // sub-heading
                "ما دلالات الإتصال الهاتفي بين بوتين ونتنياهو"
            })
    void isNotQuoted(String sentence) {
        assertThat(Unquotable.isUnquotable(sentence)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // a journalist's source, "we talked", "tell us about" in an interview: one word, no chain
                "وقد أخبرني مسؤولون بالاستخبارات الأميركية أنها تنص على إمكانية التحقق من التزام إيران بالاتفاق.",
                "وقال تيم نونان: «تحدثنا إلى كوفي عنان.. لمح إلى أنه سيكون مستعدا لتلقي أي عرض».",
                "أعلن عن افتتاح المعرض في الرياض.",
                "By 2030, the city expects a million visitors.",
                "By Monday, 40 people had died in the floods.",
                "Home prices rose by 4 percent last year.",
                "كتب الرئيس رسالة إلى نظيره الفرنسي يطالبه فيها بالتدخل.",
                "Rides will be free during the first week of operation; after that a ticket will cost two riyals.",
                "أعلن المتحدث الرسمي باسم الكرملين دميتري بيسكوف، أن الرئيس الروسي فلاديمير بوتين أجرى اتصالًا هاتفيًا مع نتنياهو."
            })
    void isQuoted(String sentence) {
        assertThat(Unquotable.isUnquotable(sentence)).isFalse();
    }
}
