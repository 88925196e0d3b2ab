-- Most-missing handoff information (METRICS.md §4.5) over the PERIOD cohort's handoff records:
-- the fill rate of each of the seven required information fields, most often missing first.
WITH records AS (SELECT * FROM period_facts WHERE has_handoff)
SELECT 'info_customer_context' AS field, AVG(CAST(info_customer_context_filled AS DOUBLE)) AS fill_rate FROM records
UNION ALL SELECT 'info_stakeholders' AS field, AVG(CAST(info_stakeholders_filled AS DOUBLE)) AS fill_rate FROM records
UNION ALL SELECT 'info_objectives' AS field, AVG(CAST(info_objectives_filled AS DOUBLE)) AS fill_rate FROM records
UNION ALL SELECT 'info_scope' AS field, AVG(CAST(info_scope_filled AS DOUBLE)) AS fill_rate FROM records
UNION ALL SELECT 'info_technical' AS field, AVG(CAST(info_technical_filled AS DOUBLE)) AS fill_rate FROM records
UNION ALL SELECT 'info_implementation' AS field, AVG(CAST(info_implementation_filled AS DOUBLE)) AS fill_rate FROM records
UNION ALL SELECT 'info_risks' AS field, AVG(CAST(info_risks_filled AS DOUBLE)) AS fill_rate FROM records
ORDER BY fill_rate, field
