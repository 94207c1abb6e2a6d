package io.newsqa.web.admin;

/** No article with the requested id is stored. */
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(String id) {
        super("No article with id \"" + id + "\" is stored. List the stored articles with GET /api/admin/articles.");
    }
}
