-- Which CSMs have the slowest time to first value (METRICS.md §4.6) on Enterprise deals?
-- Cohort: TRAILING (deals closed in the 12 months ending at the period end).
-- Per CSM: Enterprise deals, how many reached first value, median / p75 TTFV in days over
-- the deals that reached it (linear interpolation, as the report), and first-value SLA
-- attainment (target 45 days: met / (met + missed), METRICS.md §4.2). CSMs with fewer than 5
-- Enterprise deals are left out; slowest median first.
SELECT
    COALESCE(csm, '(unassigned)') AS csm,
    COUNT(*) AS deals,
    COUNT(ttfv_days) AS reached,
    ROUND(QUANTILE_CONT(ttfv_days, 0.5), 1) AS median_ttfv_days,
    ROUND(QUANTILE_CONT(ttfv_days, 0.75), 1) AS p75_ttfv_days,
    ROUND(
        SUM(CASE WHEN first_value_status = 'met' THEN 1 ELSE 0 END) * 1.0
            / NULLIF(SUM(CASE WHEN first_value_status IN ('met', 'missed') THEN 1 ELSE 0 END), 0),
        2
    ) AS fv_sla_attainment
FROM trailing_facts
WHERE segment = 'enterprise'
GROUP BY csm
HAVING COUNT(*) >= 5
ORDER BY median_ttfv_days DESC, csm
