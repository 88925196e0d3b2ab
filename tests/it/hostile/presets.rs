//! The Salesforce and HubSpot column-mapping presets on exports shaped like theirs.

use super::*;

fn preset(name: &str) -> PathBuf {
    root().join(format!("presets/{name}.toml"))
}

// `cast(… as varchar)` of a timestamp is DuckDB's text: `2026-10-01 00:00:00`.
const SQL: &str = "select deal_id, account_id, account_name, segment, acv, \
        cast(closed_at as varchar) as closed_at, sales_rep, sales_team, region \
        from deals order by closed_at";

/// The report with the preset: exit 0, the three deals and two handoff records used.
fn report_three_deals(data: &Path, cfg: &Path) -> serde_json::Value {
    let out = tempfile::tempdir().unwrap();
    let r = report_with(data, Some(cfg), out.path());
    assert_eq!(r.code, 0, "{r:#?}");
    let m = metrics(out.path());
    assert_eq!(m["inputs"]["deals"]["rows_used"], 3);
    assert_eq!(m["inputs"]["handoffs"]["rows_used"], 2);
    m
}

#[test]
fn salesforce_opportunity_report() {
    let d = case("salesforce_export");
    let cfg = preset("salesforce");
    let r = validate_with(d.path(), Some(&cfg));
    expect(&r, 0, &["deals.csv: skipped"]);
    let q = query(d.path(), Some(&cfg), SQL);
    assert_eq!(
            q.stdout,
            "deal_id,account_id,account_name,segment,acv,closed_at,sales_rep,sales_team,region\n\
             0065g00000AbC2D,0015g00000XyZ2A,Globex,mid_market,45000,2026-10-01 00:00:00,John Roe,AE - Mid-Market,EMEA\n\
             0065g00000AbC1D,0015g00000XyZ1A,Acme,enterprise,120000,2026-10-05 00:00:00,Jane Doe,AE - Enterprise,NA\n\
             0065g00000AbC3D,0015g00000XyZ3A,Initech,smb,9500,2026-10-20 00:00:00,Jane Doe,AE - SMB,NA\n"
        );
    let m = report_three_deals(d.path(), &cfg);
    assert_eq!(m["cohort"]["period_deals"], 3);
}

#[test]
fn hubspot_deals_export() {
    let d = case("hubspot_export");
    let cfg = preset("hubspot");
    let r = validate_with(d.path(), Some(&cfg));
    expect(&r, 0, &[]);
    let q = query(d.path(), Some(&cfg), SQL);
    assert_eq!(
            q.stdout,
            "deal_id,account_id,account_name,segment,acv,closed_at,sales_rep,sales_team,region\n\
             9876543211,1234567002,Globex,mid_market,45000,2026-10-01 00:00:00,John Roe,Mid-Market AEs,EMEA\n\
             9876543210,1234567001,Acme,enterprise,120000,2026-10-05 10:00:00,Jane Doe,Enterprise AEs,NA\n\
             9876543212,1234567003,Initech,smb,9500.5,2026-10-20 23:30:00,Jane Doe,SMB AEs,NA\n"
        );
    report_three_deals(d.path(), &cfg);
}

#[test]
fn an_export_without_its_preset_names_the_missing_columns() {
    let (_d, _) = check_case(
        "hubspot_export",
        3,
        &[
            "deals.csv: table deals is missing required columns deal_id",
            "\"Record ID\"",
        ],
    );
}
