package dev.newsflow.stories;

import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import java.time.Instant;
import java.time.ZoneOffset;

class Debug {
    public static void main(String[] args) {
        var enricher = Enrichers.createDefault();
        Instant t = Instant.parse("2022-10-24T06:00:00Z");
        String[][] arts = {
            {"en1", StoryIndexTest.SAMARKAND_EN_TITLE, StoryIndexTest.SAMARKAND_EN},
            {"ru1", StoryIndexTest.SAMARKAND_RU_TITLE, StoryIndexTest.SAMARKAND_RU},
            {"en2", StoryIndexTest.BAKU_EN_TITLE, StoryIndexTest.BAKU_EN}};
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        Featurizer f = new Featurizer(new TransliteratingEntityKeyer());
        for (String[] a : arts) {
            Article art = new Article(a[0], a[1], a[2], null, "x" + a[0], t.atOffset(ZoneOffset.UTC), null, null, null);
            EnrichedArticle e = new EnrichedArticle(art, enricher.enrich(art), t);
            System.out.println(a[0] + " " + e.enrichment().language() + " entities " + e.enrichment().entities() + " countries " + e.enrichment().countries());
            var feats = f.features(e, t);
            for (String id : new String[] {"s-en1", "s-ru1"}) {
                index.story(id).ifPresent(s -> System.out.println("  vs " + id + ": " + index.compare(feats, s)));
            }
            System.out.println("  -> " + index.assign(e, t).storyId());
        }
    }
}
