-- Handoff quality by sales region over the PERIOD cohort (period_facts: deals closed in the
-- reporting period): deals, mean quality score, share of substandard handoffs and the
-- completion rate. An example of an analyst's own query; every .sql file in
-- queries/custom/ runs at report time and appears under "Custom analyses".
SELECT
    COALESCE(region, '(none)') AS region,
    COUNT(*) AS deals,
    AVG(quality_score) AS mean_score,
    SUM(CASE WHEN quality_band = 'substandard' THEN 1 ELSE 0 END) * 1.0
        / NULLIF(SUM(CASE WHEN quality_band IS NOT NULL THEN 1 ELSE 0 END), 0)
        AS substandard_share,
    SUM(CASE WHEN completion = 'complete' THEN 1 ELSE 0 END) * 1.0
        / NULLIF(SUM(CASE WHEN completion IN ('complete', 'incomplete') THEN 1 ELSE 0 END), 0)
        AS completion_rate
FROM period_facts
GROUP BY COALESCE(region, '(none)')
ORDER BY deals DESC, region
