package dev.helpsearch.search.rank;

import dev.helpsearch.search.HelpSearch;

/**
 * One fusion candidate as the evaluation harness sees it.
 *
 * @param url      the hit's url
 * @param lexical  whether the lexical ranking found it
 * @param features one value per {@link HelpSearch#candidateFeatureNames()}
 */
public record CandidateFeatures(String url, boolean lexical, double[] features) {}
