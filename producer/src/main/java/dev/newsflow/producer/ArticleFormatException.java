package dev.newsflow.producer;

/** An input that cannot become an article; the message says what is wrong, on one line. */
public class ArticleFormatException extends Exception {
    public ArticleFormatException(String message) {
        super(message);
    }
}
