-- First-year churn (METRICS.md §4.9) by handoff-quality band (METRICS.md §4.4) in each region.
-- Cohort: MATURE (deals closed 1 to 3 years before the as-of date, so every deal has had
-- its full first year). Per region and band: deals, churned, churn rate, and low_sample
-- when the cell has fewer than 30 deals (as the report marks it). Deals without a region
-- are grouped as '(none)'. A correlation, not a causal estimate.
SELECT
    COALESCE(region, '(none)') AS region,
    quality_band,
    COUNT(*) AS deals,
    SUM(CAST(churned_1y AS INT)) AS churned,
    ROUND(AVG(CAST(churned_1y AS DOUBLE)), 3) AS churn_rate,
    COUNT(*) < 30 AS low_sample
FROM mature_facts
GROUP BY region, quality_band
ORDER BY
    region,
    CASE quality_band
        WHEN 'excellent' THEN 1
        WHEN 'good' THEN 2
        WHEN 'acceptable' THEN 3
        ELSE 4
    END
