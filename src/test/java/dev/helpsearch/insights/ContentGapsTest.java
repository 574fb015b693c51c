package dev.helpsearch.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentGapsTest {

    @Test
    void sharedStemmedWordsMakeOneTopicWithItsVariants() {
        List<ContentGaps.Gap> gaps = ContentGaps.byTerms()
                .group(List.of(
                        new ContentGaps.Failing("refund invoice", 5),
                        new ContentGaps.Failing("invoice refunds", 2),
                        new ContentGaps.Failing("how do i refund an invoice", 1),
                        new ContentGaps.Failing("black screen on viewer", 3),
                        new ContentGaps.Failing("viewer black screen", 1),
                        new ContentGaps.Failing("how", 1)));
        assertThat(gaps)
                .extracting(ContentGaps.Gap::label)
                .containsExactly("refund invoice", "black screen on viewer", "how");
        assertThat(gaps.get(0).searches()).isEqualTo(8);
        assertThat(gaps.get(0).variants())
                .containsExactly("refund invoice", "invoice refunds", "how do i refund an invoice");
        assertThat(gaps.get(1).variants()).containsExactly("black screen on viewer", "viewer black screen");
    }

    @Test
    void oneSharedWordAmongManyIsNotTheSameTopic() {
        List<ContentGaps.Gap> gaps = ContentGaps.byTerms()
                .group(List.of(
                        new ContentGaps.Failing("export invoice pdf", 2),
                        new ContentGaps.Failing("invoice tax rate germany", 1)));
        assertThat(gaps).hasSize(2);
    }

    @Test
    void withEmbeddingsNearbyMeaningsGroupEvenWithoutSharedWords() {
        Map<String, float[]> vectors = Map.of(
                "money back for a bill", new float[] {1, 0, 0},
                "refund invoice", new float[] {0.95f, 0.312f, 0},
                "invoice template", new float[] {0, 0, 1});
        List<ContentGaps.Gap> gaps = new ContentGaps(vectors::get)
                .group(List.of(
                        new ContentGaps.Failing("refund invoice", 3),
                        new ContentGaps.Failing("money back for a bill", 1),
                        new ContentGaps.Failing("invoice template", 1)));
        assertThat(gaps).extracting(ContentGaps.Gap::label).containsExactly("refund invoice", "invoice template");
        assertThat(gaps.get(0).variants()).containsExactly("refund invoice", "money back for a bill");
    }
}
