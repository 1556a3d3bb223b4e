package dev.newsflow.enrich;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Script normalization: gives the recognizer token forms in the script and spelling its models were trained
 * on, without touching the article text (offsets stay those of the original). Uzbek in Cyrillic is
 * transliterated to Latin token by token (ICU {@code uz_Cyrl-uz_Latn}); the many apostrophes of Uzbek
 * Latin ({@code o'}, {@code o‘}, {@code o`}) become the modifier letter {@code ʻ}; Turkish and Azerbaijani
 * typographic apostrophes become {@code '}. Thread-safe (a transliterator per thread).
 */
final class ScriptAnnotator implements Annotator {

    private static final Pattern UZBEK_APOSTROPHE = Pattern.compile("(?<=[oOgG])['’‘`ʼ]");
    private static final Pattern TURKIC_APOSTROPHE = Pattern.compile("[’‘`ʼ]");

    private final ThreadLocal<Transliterator> uzbekToLatin =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("uz_Cyrl-uz_Latn"));

    @Override
    public void annotate(Document document) {
        String language = document.language();
        boolean cyrillicUzbek = "uz".equals(language) && "Cyrl".equals(document.script());
        for (Field field : document.fields()) {
            for (int i = 0; i < field.sentences().size(); i++) {
                List<String> forms = field.normalizedTokens(i);
                List<String> normalized = new ArrayList<>(forms.size());
                for (String form : forms) {
                    normalized.add(normalize(form, language, cyrillicUzbek));
                }
                field.setNormalizedTokens(i, normalized);
            }
        }
    }

    private String normalize(String token, String language, boolean cyrillicUzbek) {
        return switch (language) {
            case "uz" -> UZBEK_APOSTROPHE.matcher(cyrillicUzbek ? uzbekToLatin.get().transliterate(token) : token)
                    .replaceAll("ʻ");
            case "tr", "az" -> TURKIC_APOSTROPHE.matcher(token).replaceAll("'");
            default -> token;
        };
    }
}
