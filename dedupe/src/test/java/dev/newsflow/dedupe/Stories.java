package dev.newsflow.dedupe;

import dev.newsflow.events.Article;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Short news-like stories written for these tests (no third-party text). */
final class Stories {

    static final OffsetDateTime DAY = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.ofHours(5));

    static final String CANAL_TITLE = "Reconstruction of the Karshi main canal to save water for 40,000 hectares";
    static final List<String> CANAL = List.of(
            "The government has approved a programme to reconstruct the Karshi main canal, the largest irrigation"
                    + " channel in Kashkadarya region, the Ministry of Water Resources said on Thursday. The works are"
                    + " expected to cut water losses by a third and secure supply for about 40,000 hectares of farmland.",
            "According to the ministry, more than 120 kilometres of the canal bed will be lined with concrete panels,"
                    + " and 14 pumping stations will receive new energy-efficient motors. The first stage covers the"
                    + " section between Talimarjan reservoir and the city of Karshi and should be finished by next autumn.",
            "Farmers in Nishan and Kasbi districts have complained for years that water arrives late in the season"
                    + " and that much of it seeps into the ground before it reaches the fields. Officials estimate that"
                    + " the canal now loses up to 35 percent of the water it carries.",
            "The project will be financed by a loan from the Asian Development Bank and by the state budget. Its total"
                    + " cost is put at 210 million dollars. Local contractors will carry out most of the earthworks,"
                    + " while the pumps will be supplied under an international tender.",
            "Deputy minister Rustam Aliev told reporters that the ministry would publish monthly progress reports and"
                    + " that farmers' associations would be invited to inspect each finished section. He added that"
                    + " similar programmes are being prepared for canals in Surkhandarya and Bukhara regions.");

    /** Same topic, same day, same source, a different story. */
    static final String DRIP_TITLE = "Kashkadarya farmers switch to drip irrigation on 6,000 hectares";
    static final List<String> DRIP = List.of(
            "Cotton and wheat growers in Kashkadarya region have installed drip irrigation systems on 6,000 hectares"
                    + " this year, the regional agriculture department reported on Thursday. The area is twice as large"
                    + " as a year ago.",
            "The department said the systems reduce water use per hectare by almost half and raise cotton yields by"
                    + " up to 20 percent. Part of the equipment is produced at a new plant in Guzar district, which"
                    + " started operating in the spring.",
            "Farmers who install drip systems receive a subsidy covering a quarter of the cost and a tax exemption for"
                    + " five years. Some growers said the paperwork takes too long and that spare parts are hard to find"
                    + " in rural districts.",
            "Regional officials plan to extend drip irrigation to another 10,000 hectares next year, focusing on"
                    + " orchards and vineyards in the foothills where water shortages are most severe.");

    /** A follow-up to the canal story: same lead paragraph, new body. */
    static final String CANAL_FOLLOWUP_TITLE = "Karshi canal works begin as first contracts are signed";
    static final List<String> CANAL_FOLLOWUP = List.of(
            CANAL.get(0),
            "On Monday the ministry signed the first three contracts for the earthworks with companies from Karshi,"
                    + " Shakhrisabz and Samarkand. The contractors must move their machinery to the sites within two"
                    + " weeks and begin removing silt from the upper section of the channel.",
            "Engineers will work in shifts through the winter, when the canal carries little water, so that the"
                    + " spring irrigation season is not disrupted. Around 800 workers are expected to be hired, most of"
                    + " them from nearby villages.",
            "The tender for the pumping equipment has drawn bids from eleven manufacturers from six countries, the"
                    + " ministry said. The winner will be announced in January after a technical evaluation by an"
                    + " independent commission.",
            "Local residents welcomed the start of the works but asked the authorities to repair the bridges over the"
                    + " canal, several of which are closed to heavy vehicles because of cracks in their supports.");

    static final String FAIR_TITLE = "Tashkent book fair draws record attendance";
    static final List<String> FAIR = List.of(
            "The international book fair in Tashkent closed on Sunday after five days with a record 95,000 visitors,"
                    + " the organisers said. Publishers from 28 countries presented more than 30,000 titles.",
            "Children's literature and translations of world classics into Uzbek were the most popular sections."
                    + " Several publishing houses reported selling out their entire stock of new editions on the"
                    + " second day.",
            "A round table on the future of printed books gathered writers, librarians and booksellers, who discussed"
                    + " rising paper prices and the spread of electronic reading in schools.");

    private Stories() {}

    static Article article(String id, String title, List<String> paragraphs) {
        return article(id, title, String.join("\n\n", paragraphs));
    }

    static Article article(String id, String title, String body) {
        return new Article(id, title, body, null, "UzA", DAY, null, "en", "test");
    }
}
