-- Rep scorecard (METRICS.md §4.10), one row per sales rep, over the PERIOD cohort (deals
-- closed in the reporting period, table period_facts): handoffs, mean quality score,
-- completion rate, knowledge-transfer SLA attainment, CS acceptance rate and rejections.
-- Rates with an empty denominator are null; deals without a sales_rep count as '(unassigned)'.
-- coaching: mean score below 70 over at least 3 handoffs.
-- The report's tables/scorecard_rep.csv is this query's result.
WITH cohort AS (
    SELECT
        COALESCE(sales_rep, '(unassigned)') AS sales_rep,
        quality_score,
        completion,
        knowledge_transfer_status,
        cs_acceptance,
        rejections
    FROM period_facts
)
SELECT
    sales_rep,
    COUNT(*) AS handoffs,
    AVG(quality_score) AS mean_score,
    SUM(CASE WHEN completion = 'complete' THEN 1 ELSE 0 END) * 1.0
        / NULLIF(SUM(CASE WHEN completion IN ('complete', 'incomplete') THEN 1 ELSE 0 END), 0)
        AS completion_rate,
    SUM(CASE WHEN knowledge_transfer_status = 'met' THEN 1 ELSE 0 END) * 1.0
        / NULLIF(SUM(CASE WHEN knowledge_transfer_status IN ('met', 'missed') THEN 1 ELSE 0 END), 0)
        AS kt_attainment,
    SUM(CASE WHEN cs_acceptance = 'accepted' THEN 1 ELSE 0 END) * 1.0
        / NULLIF(SUM(CASE WHEN cs_acceptance IS NOT NULL THEN 1 ELSE 0 END), 0)
        AS acceptance_rate,
    SUM(rejections) AS rejections,
    AVG(quality_score) < 70 AND COUNT(*) >= 3 AS coaching
FROM cohort
GROUP BY sales_rep
ORDER BY mean_score DESC NULLS LAST, sales_rep
