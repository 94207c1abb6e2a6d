package io.newsqa.answer;

/** {@link AnswersByQuestionTypeContract} on PostgreSQL, in a schema of its own. */
class PgVectorAnswersByQuestionTypeTest extends AnswersByQuestionTypeContract {

    @Override
    AnswerRig openRig() {
        return AnswerRig.postgres("answer_types");
    }
}
