-- SLA attainment by close month (METRICS.md §4.2) over EVERY deal (handoff_facts): for the
-- knowledge-transfer, kickoff-scheduled and first-value SLAs, met / (met + missed);
-- pending deals are left out of the rate.
SELECT
    strftime(close_date, '%Y-%m') AS month,
    COUNT(*) AS deals,
    SUM(CASE WHEN knowledge_transfer_status = 'met' THEN 1 ELSE 0 END) * 1.0
        / NULLIF(SUM(CASE WHEN knowledge_transfer_status <> 'pending' THEN 1 ELSE 0 END), 0)
        AS knowledge_transfer,
    SUM(CASE WHEN kickoff_scheduled_status = 'met' THEN 1 ELSE 0 END) * 1.0
        / NULLIF(SUM(CASE WHEN kickoff_scheduled_status <> 'pending' THEN 1 ELSE 0 END), 0)
        AS kickoff_scheduled,
    SUM(CASE WHEN first_value_status = 'met' THEN 1 ELSE 0 END) * 1.0
        / NULLIF(SUM(CASE WHEN first_value_status <> 'pending' THEN 1 ELSE 0 END), 0)
        AS first_value
FROM handoff_facts
GROUP BY month
ORDER BY month
