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

## Alert lines (report, stdout, notifications)

alert-completion = Tingkat penyelesaian { $rate } berada di bawah target { $target }
alert-sla = Pencapaian SLA { $activity }: { $rate }, di bawah batas minimum { $floor }
alert-escalations = { $count } deal perlu dieskalasi (lebih dari { $limit })
alert-coaching = Sales rep yang perlu coaching (rata-rata skor < 70 dari ≥ 3 serah terima): { $reps }

## Empty-state notes every section uses

note-not-provided = Tidak tersedia (tabel { $table } tidak disediakan).
note-no-data = Tidak ada data: { $what }.
note-low-sample = † Kurang dari 30 deal dalam kelompok ini: sampel kecil, sehingga angkanya kurang presisi.

## Table headings shared by sections

table-band = Kategori
table-day-30 = Hari ke-30
table-day-60 = Hari ke-60
table-day-90 = Hari ke-90
table-deals = Deal
table-mean-score = Rata-rata skor
table-activity = Aktivitas
table-deal = Deal
table-account = Akun
table-sales-rep = Sales rep
table-csm = CSM
table-status = Status

## Status words (colour is never the only signal)

rag-green = sesuai target
rag-amber = perlu dipantau
rag-red = di bawah target

## Words

word-yes = ya
word-no = tidak

## Data quality (both reports close with it)

data-quality-cohort = Semua baris input, sebelum filter kohort apa pun.
data-quality-intro = Setiap baris input tercatat: dipakai, ditolak (tidak terbaca atau tidak valid), atau dikecualikan (duplikat, yatim tanpa induk, deal berikutnya dari akun yang sama, atau bertanggal setelah waktu acuan).
data-quality-segments-derived = Segmen diturunkan dari ACV (segment_from_acv) untuk { $n } baris deal yang tidak punya segmen sendiri maupun dari tabel akun.
data-quality-table = Tabel
data-quality-read = Dibaca
data-quality-used = Dipakai
data-quality-rejected = Ditolak
data-quality-excluded = Dikecualikan
data-quality-by-reason = Dikecualikan menurut alasan
data-quality-not-provided = tidak disediakan
data-quality-excluded-after-as-of = setelah tanggal acuan
data-quality-excluded-later-deal = deal berikutnya dari akun yang sama
data-quality-excluded-unknown-account = dari akun yang tidak dikenal
data-quality-excluded-deal-rejected = dari deal yang ditolak
data-quality-inputs = Input
data-quality-inputs-cohort = Semua baris setiap tabel input, sebelum filter kohort apa pun
data-quality-warnings = Catatan
data-quality-rows = Baris yang ditolak dan dikecualikan
data-quality-none = Tidak ada: setiap baris dari setiap input dipakai.
data-quality-file = Berkas
data-quality-line = Baris
data-quality-column = Kolom
data-quality-value = Nilai
data-quality-action = Tindakan
data-quality-reason = Alasan
data-quality-rows-cohort = Semua baris input yang ditolak atau dikecualikan
data-quality-cut = Menampilkan { $shown } dari { $rows } baris; data-quality.csv memuat semuanya beserta berkas, baris, kolom, nilai, dan alasan.

## The alerts block (headline of the monthly review, trend of the quarterly report)

alerts-none = Tidak ada peringatan yang terpicu pada periode ini.
alerts-fired = { $count } peringatan terpicu:

## Custom analyses (both reports, before the data-quality appendix)

section-custom = Analisis kustom
custom-intro = Kueri SQL buatan analis sendiri, dijalankan saat laporan dibuat atas tabel terdaftar yang sama dengan perintah query (lihat docs/QUERIES.md). Setiap kueri menyebutkan pertanyaan yang dijawab dan kohort yang dipakai; angkanya berasal dari kueri itu sendiri.
custom-heading = { $name } ({ $file })
custom-failed = **Kueri ini gagal** — bagian lain laporan tidak terpengaruh.
custom-cut = { $shown } baris pertama dari { $rows }; semua baris ada di tables/{ $table }.csv.
custom-also = Juga ada di tables/{ $table }.csv.
custom-no-rows = Kueri tidak menghasilkan baris.

## Page furniture of index.html and report.md

html-eyebrow = Analitik serah terima · { $kind }
html-contents = Daftar isi
# Text between backticks is shown as code.
html-footer = Dibuat oleh handoff { $version } dari input per { $date }. Angka dengan presisi penuh ada di `metrics.json`; setiap tabel ada di `tables/` dalam format CSV dan Parquet; grafik ada di `charts/`; setiap baris yang ditolak atau dikecualikan ada di `data-quality.csv`.
markdown-footer = Dibuat oleh handoff { $version }. Angka dengan presisi penuh ada di `metrics.json`; setiap tabel ada di `tables/` (CSV dan Parquet); setiap baris yang ditolak atau dikecualikan ada di `data-quality.csv`.
footer-correlation = Keterkaitan antara kualitas serah terima dan hasil adalah korelasi, bukan bukti sebab-akibat.
html-low-title = kurang dari 30 deal: sampel kecil
html-low-label = sampel kecil
markdown-status-marks = Tanda status: ✓ sesuai target, ! perlu dipantau (paling jauh 10 poin di bawah target), ✗ di bawah target. † menandai kelompok dengan kurang dari 30 deal.
kpi-measure = Ukuran
kpi-value = Nilai
kpi-target = Target
kpi-change = Perubahan
kpi-detail = Rincian

## Cohort statements (render/cohort.rs): the sentence under a section title, the label under a table

cohort-period = Kohort periode: deal yang closing { $start } s.d. { $end } (n = { $n }).
cohort-trailing = Kohort 365 hari terakhir: deal yang closing { $start } s.d. { $end }, yaitu 365 hari yang berakhir bersama periode (n = { $n }).
cohort-mature = Kohort matang: deal yang closing pada atau sebelum { $last } — tahun pertamanya teramati penuh sampai tanggal acuan — dalam jendela lihat-balik churn (n = { $n }).
cohort-survival = Kohort survival: setiap deal yang closing sebelum waktu acuan (n = { $n }), diikuti sampai akhir hari { $as_of } UTC; pelanggan yang belum churn disensor.
cohort-period-short = Kohort periode ({ $start } s.d. { $end }), n = { $n }
cohort-trailing-short = Kohort 365 hari terakhir (sampai { $end }), n = { $n }
cohort-mature-short = Kohort matang (tahun pertama lengkap per { $as_of }), n = { $n }
cohort-survival-short = Kohort survival (setiap deal, diikuti sampai { $as_of }), n = { $n }

## Methodology (the quarterly report's appendix): each term (`…-term`) and its definition

methodology-as-of-term = Waktu acuan
methodology-as-of = Akhir tanggal { $date } dalam UTC (tengah malam awal hari berikutnya). Peristiwa pada atau setelahnya dianggap belum terjadi; durasi dalam hari pecahan (detik ÷ 86.400); "tanggal x" adalah tanggal kalender UTC.
methodology-period-term = Kohort periode
methodology-trailing-term = Kohort 365 hari terakhir
methodology-mature-term = Kohort matang
methodology-mature = { $cohort } Hasil tahun pertama memerlukan satu tahun penuh setelah closing, sehingga deal yang baru tidak termasuk.
methodology-survival-term = Kohort survival
methodology-slas-term = SLA
methodology-slas = { $deadlines } Terpenuhi = selesai sebelum tenggat (peristiwa sebelum closing dihitung terpenuhi); terlewat = selesai terlambat, atau belum selesai dan tenggat sudah lewat; belum jatuh tempo = belum selesai, tenggat masih di depan. Pencapaian = terpenuhi ÷ (terpenuhi + terlewat).
methodology-completion-term = Penyelesaian
methodology-completion = Lengkap bila transfer pengetahuan, penjadwalan kickoff, dan nilai pertama semuanya terpenuhi; belum lengkap bila salah satunya terlewat; tingkat = lengkap ÷ (lengkap + belum lengkap); targetnya { $target }.
methodology-score-term = Skor kualitas (0–100)
methodology-score = 15 · ringkasan deal + 10 · peta pemangku kepentingan + 15 · komitmen + 10 · faktor risiko + 10 · semua hadir + 10 · agenda tercakup + 10 · pertanyaan terjawab + 15 · SLA transfer pengetahuan terpenuhi + 5 · SLA perkenalan terpenuhi (butir checklist bernilai 1/0; yang kosong bernilai 0).
methodology-bands-term = Kategori
methodology-bands = Sangat baik ≥ 90, baik ≥ 80, cukup ≥ 70, di bawah standar < 70.
methodology-ttfv-term = Waktu hingga nilai pertama
methodology-ttfv = Jumlah hari dari closing sampai milestone nilai pertama yang pertama. Kuantil memakai interpolasi linear; estimasi Kaplan–Meier memperlakukan deal yang belum mencapai nilai pertama sebagai tersensor pada waktu acuan.
methodology-churn-term = Churn dan ekspansi tahun pertama
methodology-churn = Peristiwa churn (ekspansi) dalam 365 hari setelah tanggal closing. Interval 95% adalah interval skor Wilson.
methodology-relative-risk-term = Risiko relatif
methodology-relative-risk = Tingkat churn di bawah standar ÷ sangat baik, IK 95% dengan metode log; estimasi yang disesuaikan adalah Mantel–Haenszel antarsegmen dengan varians Greenland–Robins. Tidak dapat dihitung bila ada hitungan nol.
methodology-tests-term = Uji
methodology-tests = Chi-kuadrat Pearson untuk kategori × churn/bertahan (tanpa koreksi kontinuitas); korelasi point-biserial antara skor dan churn dengan uji t; uji log-rank multikelompok untuk kurva retensi.
methodology-arr-term = ARR yang berisiko
methodology-arr = ACV deal di bawah standar dalam kohort matang × (tingkat churn di bawah standar − tingkat churn sangat baik), minimal 0.
methodology-low-samples-term = Sampel kecil
methodology-low-samples = Kelompok dengan kurang dari 30 deal ditandai † di samping angkanya.
methodology-rounding-term = Pembulatan
methodology-rounding = Hanya di laporan ini: tingkat sebagai persentase satu desimal, skor dan hari satu desimal, nilai p tiga angka penting. metrics.json dan tabel menyimpan presisi penuh.
methodology-interpretation-term = Interpretasi
methodology-interpretation = Semua di sini bersifat observasional: asosiasi antara kualitas serah terima dan hasil, bukan bukti sebab-akibat.

## Methodology: the deadlines sentence (from the configured SLA hours, first-value days and calendar)

methodology-activity-knowledge-transfer = rapat transfer pengetahuan
methodology-activity-intro = email perkenalan
methodology-activity-cs-prep = persiapan CS
methodology-activity-kickoff-scheduled = kickoff dijadwalkan
methodology-activity-kickoff-held = kickoff terlaksana
methodology-activity-first-value = nilai pertama
methodology-and = {" "}dan{" "}
methodology-deadline = { $activities } { $duration }
methodology-segment-strategic = strategis
methodology-segment-enterprise = enterprise
methodology-segment-mid-market = mid-market
methodology-segment-smb = UKM
methodology-segment-other = lainnya
methodology-segment-days = { $segment } { $days }
methodology-first-value-calendar = nilai pertama per segmen ({ $segments } hari)
methodology-first-value-business = nilai pertama per segmen ({ $segments } hari kerja)
methodology-deadlines-default = Tenggat bawaan sejak closing: { $parts }; berkas konfigurasi dapat mengubahnya.
methodology-deadlines-config-calendar = Tenggat sejak closing, sesuai berkas konfigurasi: { $parts }.
methodology-deadlines-config-business = Tenggat sejak closing, sesuai berkas konfigurasi: { $parts }. Tenggat hanya menghitung hari kerja (Senin sampai Jumat).

## Labels of other values (`render::humanize`: vocab.rs values first, else `key-KEY`)

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

## The `report` command's stdout lines

stdout-wrote = laporan ditulis ke { $path } ({ $count } berkas)
stdout-kind-monthly = Bulanan
stdout-kind-quarterly = Kuartalan
stdout-summary = { $kind } { $label }: { $deals } deal, rata-rata skor kualitas { $mean }, tingkat penyelesaian { $rate }, eskalasi { $escalations }
stdout-alert = peringatan: { $message }

## Page furniture and shared phrases (added with the typed render)

html-chart-unavailable = Grafik { $name } tidak tersedia.
list-and = { $items } dan { $last }
