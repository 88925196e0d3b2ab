-- Which sales reps hand over deals without a stakeholder map?
-- Cohort: PERIOD (deals closed in the reporting period; use --period 2026-Q3 for a quarter).
-- Per rep: deals, handoff records, records whose reviewer checklist item
-- doc_stakeholder_map (METRICS.md §3, 10 points of the quality score, METRICS.md §4.4) is 0 or blank
-- ("missing") or only partly done (between 0 and 1), the share missing, records whose
-- info_stakeholders field is blank (METRICS.md §4.5), and the deal ids with a missing map.
-- Deals with no handoff record at all are counted in no_record. Most missing maps first.
SELECT
    sales_rep,
    COUNT(*) AS deals,
    SUM(CAST(has_handoff AS INT)) AS records,
    COUNT(*) FILTER (WHERE NOT has_handoff) AS no_record,
    COUNT(*) FILTER (WHERE has_handoff AND COALESCE(doc_stakeholder_map, 0) = 0) AS map_missing,
    COUNT(*) FILTER (WHERE doc_stakeholder_map > 0 AND doc_stakeholder_map < 1) AS map_partial,
    ROUND(
        COUNT(*) FILTER (WHERE has_handoff AND COALESCE(doc_stakeholder_map, 0) = 0) * 1.0
            / NULLIF(SUM(CAST(has_handoff AS INT)), 0),
        2
    ) AS missing_share,
    COUNT(*) FILTER (WHERE has_handoff AND NOT info_stakeholders_filled) AS stakeholders_info_blank,
    STRING_AGG(deal_id, ', ' ORDER BY deal_id)
        FILTER (WHERE has_handoff AND COALESCE(doc_stakeholder_map, 0) = 0) AS deals_missing_map
FROM period_facts
GROUP BY sales_rep
ORDER BY map_missing DESC, missing_share DESC, sales_rep
