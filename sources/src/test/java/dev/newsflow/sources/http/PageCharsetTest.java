package dev.newsflow.sources.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageCharsetTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final String RUSSIAN = "<p>Министры договорились еженедельно обмениваться данными о стоке рек.</p>";

    @Test
    void shouldTakeTheHeaderFirstThenTheMetaTag() {
        byte[] page = ("<html><head><meta charset=\"windows-1251\"></head><body>" + RUSSIAN + "</body></html>").getBytes(CP1251);

        assertThat(PageCharset.detect(page, "text/html; charset=UTF-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(PageCharset.decode(page, "text/html")).contains("Министры договорились");
        byte[] httpEquiv = ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">" + RUSSIAN).getBytes(CP1251);
        assertThat(PageCharset.detect(httpEquiv, null)).isEqualTo(CP1251);
    }

    @Test
    void shouldDetectAWindows1251PageThatDeclaresNothingAmidEnglishMarkup() {
        String page = "<html><head><script>var tracking = {enabled: true, consent: 'ask', region: 'europe'};</script>"
                + "</head><body><nav>Home World Business Sport Culture Opinion Weather</nav>" + RUSSIAN
                + "<footer>Copyright 2026 All rights reserved. Privacy policy. Terms of use. Contact us.</footer></body></html>";

        assertThat(PageCharset.decode(page.getBytes(CP1251), "text/html")).contains("Министры договорились");
    }

    @Test
    void shouldPreferValidUtf8AndDropTheByteOrderMark() {
        byte[] utf8 = ("\uFEFF" + RUSSIAN).getBytes(StandardCharsets.UTF_8);

        assertThat(PageCharset.decode(utf8, null)).isEqualTo(RUSSIAN);
    }
}
