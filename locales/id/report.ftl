# Bahasa Indonesia: the same message ids and variables as locales/en/ (a test checks it);
# terms as in docs/GLOSSARY.md. See locales/en/report.ftl for what each file holds.

## Report: section titles

section-adoption = Adopsi awal dan kesehatan akun pada hari ke-30/60/90
section-arr = ARR yang berisiko
section-bands = Sebaran kategori kualitas
section-churn = Churn tahun pertama per kategori kualitas serah terima
section-completion = Penyelesaian serah terima
section-data-quality = Kualitas data
section-escalations = Eskalasi
section-expansion-nps = Ekspansi dan NPS per kategori kualitas
section-headline = Sorotan utama
section-methodology = Metodologi
section-missing = Informasi serah terima yang paling sering kosong
section-relative-risk = Risiko relatif: di bawah standar vs sangat baik
section-retention = Kurva retensi per kategori kualitas
section-satisfaction = Kepuasan pelanggan
section-scorecards = Scorecard sales rep, tim, dan CSM
section-sla = Pencapaian SLA
section-summary = Ringkasan
section-tests = Uji signifikansi
section-transitions = Perpindahan akun
section-ttfv-monthly = Waktu hingga nilai pertama (TTFV) per segmen
section-ttfv-quarterly = Waktu hingga nilai pertama (TTFV) per segmen dan kategori kualitas
section-trend-monthly = Tren kualitas enam bulan
section-trend-quarterly = Tren kuartalan

## Report: title and meta

subtitle-monthly = Tinjauan bulanan untuk RevOps: skor kualitas, pencapaian SLA, penyelesaian, informasi yang kosong, coaching, dan eskalasi.
subtitle-quarterly = Laporan kuartalan untuk pimpinan: churn tahun pertama, ekspansi, dan NPS per kategori kualitas serah terima, lengkap dengan interval kepercayaan dan uji signifikansi.
meta-period = Periode
meta-period-value = { $label } ({ $start } s.d. { $end })
meta-as-of = Data per
meta-as-of-value = { $date } (akhir hari, UTC)
meta-period-deals = Deal dalam periode
meta-trailing-deals = Deal 365 hari terakhir
meta-mature-deals = Deal dengan tahun pertama lengkap

## Report: labels of values and of other keys

activity-knowledge-transfer = Transfer pengetahuan
activity-intro = Perkenalan
activity-cs-prep = Persiapan CS
activity-kickoff-scheduled = Kickoff dijadwalkan
activity-kickoff-held = Kickoff terlaksana
activity-first-value = Nilai pertama
segment-strategic = Strategis
segment-enterprise = Enterprise
segment-mid-market = Mid-market
segment-smb = UKM
segment-other = Lainnya
sla-status-met = Terpenuhi
sla-status-missed = Terlewat
sla-status-pending = Belum jatuh tempo
completion-status-complete = Lengkap
completion-status-incomplete = Belum lengkap
acceptance-accepted = Diterima
acceptance-rejected = Ditolak
acceptance-needs-revision = Perlu revisi
key-info-customer-context = Konteks pelanggan
key-info-stakeholders = Pemangku kepentingan
key-info-objectives = Tujuan
key-info-scope = Cakupan
key-info-technical = Teknis
key-info-implementation = Implementasi
key-info-risks = Risiko
key-sales-to-cs = Sales ke CS
key-sales-to-am = Sales ke AM

## Alert lines (report, stdout, notifications)

alert-completion = Tingkat penyelesaian { $rate } berada di bawah target { $target }
alert-sla = Pencapaian SLA { $activity }: { $rate }, di bawah batas minimum { $floor }
alert-escalations = { $count } deal perlu dieskalasi (lebih dari { $max })
alert-coaching = Sales rep yang perlu coaching (rata-rata skor < 70 dari ≥ 3 serah terima): { $reps }

## The `report` command's stdout lines

stdout-wrote = laporan ditulis ke { $path } ({ $count } berkas)
stdout-kind-monthly = Bulanan
stdout-kind-quarterly = Kuartalan
stdout-summary = { $kind } { $label }: { $deals } deal, rata-rata skor kualitas { $mean }, tingkat penyelesaian { $rate }, eskalasi { $escalations }
stdout-alert = peringatan: { $message }
