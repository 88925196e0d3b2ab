# Bahasa Indonesia: the same message ids and variables as locales/en/ (a test checks it);
# terms as in docs/GLOSSARY.md. See locales/en/quarterly.ftl for what each file holds.

## The quarterly report's sections (ids start with the section's name)
# Inline markup: <b>…</b> is strong text, † the low-sample mark.

## Churn by band

churn-intro = Churn = peristiwa churn dalam 365 hari setelah tanggal closing. Batang menunjukkan tingkatnya, garis galat menunjukkan interval kepercayaan Wilson 95%: interval yang tumpang tindih berarti kategori-kategori itu tidak jelas berbeda.
churn-no-mature-deals = tidak ada deal dalam kohort matang
churn-col-band = Kategori
churn-col-deals = Deal
churn-col-churned = Churn
churn-col-rate = Tingkat churn
churn-col-ci = IK 95%
churn-ci = IK 95% { $ci }
churn-rr-not-computable = tidak dapat dihitung: ada jumlah churn atau kategori yang nol

## Relative risk

relative-risk-intro = Berapa kali tingkat churn tahun pertama serah terima di bawah standar dibandingkan serah terima sangat baik (1 = tidak ada perbedaan). Estimasi yang disesuaikan menurut segmen (Mantel–Haenszel) membandingkan kategori di dalam tiap segmen, sehingga perbedaan komposisi segmen antara kedua kategori tidak terbaca sebagai efek serah terima.
relative-risk-col-estimate = Estimasi
relative-risk-col-value = Risiko relatif
relative-risk-col-ci = IK 95%
relative-risk-col-reading = Tafsiran
relative-risk-crude = Kasar
relative-risk-adjusted = Disesuaikan menurut segmen (Mantel–Haenszel)
relative-risk-reading-above = churn lebih tinggi pada serah terima di bawah standar (IK di atas 1)
relative-risk-reading-below = churn lebih rendah pada serah terima di bawah standar (IK di bawah 1)
relative-risk-reading-includes = belum dapat disimpulkan: IK mencakup 1
relative-risk-reading-none = tidak dapat dihitung (ada jumlah churn atau kategori yang nol)

## ARR at stake

arr-explained = <b>{ $arr }</b> nilai kontrak tahunan: ACV dari { $n } deal di bawah standar dalam kohort matang × selisih antara tingkat churn tahun pertamanya ({ $sub_rate }) dan tingkat churn serah terima sangat baik ({ $exc_rate }), minimal 0. Inilah nilai yang akan tetap dipertahankan deal di bawah standar seandainya churn-nya seperti deal sangat baik — gambaran skala dengan asumsi (yang belum terbukti) bahwa selisih itu disebabkan oleh serah terima, bukan sebuah proyeksi.
arr-not-computable = Tidak dapat dihitung: kohort matang tidak memiliki deal di bawah standar atau sangat baik.

## Retention curves

retention-intro = Porsi pelanggan yang belum churn menurut Kaplan–Meier, berdasarkan hari sejak closing. Berbeda dengan tingkat tahun pertama, setiap deal dihitung, masing-masing diikuti selama data memungkinkan.
retention-logrank = Uji log-rank untuk kesamaan kurva: χ² = <b>{ $statistic }</b> dengan { $dof } derajat bebas, p = <b>{ $p }</b>{ $differ ->
        [yes] {" "}— kurva-kurvanya berbeda melebihi faktor kebetulan.
       *[no] {" "}— data belum dapat menunjukkan bahwa kurva-kurvanya berbeda.
    }
retention-logrank-none = Uji log-rank tidak dapat dihitung (kurang dari dua kategori yang memiliki deal, atau tidak ada churn).
retention-col-band = Kategori
retention-col-deals = Deal
retention-col-events = Peristiwa churn
retention-col-retained = Bertahan pada hari ke-365 (KM)

## Significance tests

tests-intro = Nilai p adalah peluang munculnya perbedaan setidaknya sebesar ini seandainya kualitas serah terima dan churn tidak berkaitan; di bawah 0,05 lazim disebut signifikan. Signifikansi bukan ukuran efek, apalagi hubungan sebab-akibat.
tests-col-test = Uji
tests-col-cohort = Kohort
tests-col-statistic = Statistik
tests-col-dof = db
tests-col-p = Nilai p
tests-col-reading = Tafsiran
tests-cohort-mature = matang
tests-cohort-survival = survival
tests-chi2 = χ² = { $value }
tests-r = r = { $value }
tests-chi-square = Chi-kuadrat, kategori × churn/bertahan (Pearson, tanpa koreksi kontinuitas)
tests-point-biserial = Korelasi point-biserial, skor kualitas × churn
tests-logrank = Log-rank, kurva retensi per kategori
tests-reading-significant = signifikan pada taraf 5%
tests-reading-not-significant = tidak signifikan (p ≥ 0,05)
tests-reading-none = tidak dapat dihitung
tests-note-r = r negatif berarti skor yang lebih tinggi beriringan dengan churn yang lebih sedikit.

## Summary (plain-language statistics: association, not causation; low samples named)

summary-no-renewals = Churn, ekspansi, dan retensi tahun pertama tidak tersedia (tabel renewals tidak disediakan), sehingga laporan ini tidak dapat mengaitkan kualitas serah terima dengan hasil pelanggan. Bagian-bagian berikut menampilkan apa yang dapat didukung oleh input lainnya.
summary-tile-churn-substandard = Churn tahun pertama, di bawah standar
summary-tile-churn-excellent = Churn tahun pertama, sangat baik
summary-tile-ci-n = IK 95% { $ci } · n = { $n }
summary-tile-rr = Risiko relatif (kasar)
summary-tile-rr-adjusted = Risiko relatif, disesuaikan menurut segmen
summary-tile-arr = ARR yang berisiko
summary-tile-arr-detail = ACV deal di bawah standar × selisih tingkat churn
summary-tile-score = Rata-rata skor kualitas kuartal ini
summary-tile-deals-closed = { $n } deal closing
summary-rates = Pelanggan dengan serah terima di bawah standar mengalami churn tahun pertama sebesar <b>{ $sub_rate }</b>{ $sub_low } (IK 95% { $sub_ci }; { $sub_k } dari { $sub_n }) dibandingkan <b>{ $exc_rate }</b>{ $exc_low } (IK 95% { $exc_ci }; { $exc_k } dari { $exc_n }) untuk serah terima sangat baik
summary-no-substandard = Kohort matang tidak memiliki serah terima di bawah standar, sehingga serah terima di bawah standar dan sangat baik tidak dapat dibandingkan
summary-no-excellent = Kohort matang tidak memiliki serah terima sangat baik, sehingga serah terima di bawah standar dan sangat baik tidak dapat dibandingkan
summary-rr = ; risiko relatif <b>{ $value }</b> (IK 95% { $ci })
summary-rr-none = ; risiko relatif tidak dapat dihitung (ada jumlah churn atau kategori yang nol)
summary-rr-adjusted = ; risiko relatif yang disesuaikan menurut segmen (Mantel–Haenszel) <b>{ $value }</b> (IK 95% { $ci })
summary-rr-adjusted-none = ; risiko relatif yang disesuaikan menurut segmen tidak dapat dihitung
summary-chi-square = ; uji chi-kuadrat antarkategori p = <b>{ $p }</b>.
summary-chi-square-none = ; uji chi-kuadrat tidak dapat dihitung.
summary-verdict-not-computable = <b>Data belum dapat mendukung kesimpulan tentang kualitas serah terima dan churn tahun pertama: uji statistik tidak dapat dihitung pada kohort ini.</b>
summary-verdict-chance = <b>Data belum dapat mendukung kesimpulan: </b>dengan p = { $p } (≥ 0,05), perbedaan antarkategori masih dalam rentang yang sering muncul karena kebetulan saja.
summary-verdict-mixed-bands-differ = <b>Buktinya belum seragam: </b>churn berbeda antarkategori (p < 0,05), tetapi interval kepercayaan risiko relatif di bawah standar vs sangat baik mencakup 1, sehingga perbandingan itu sendiri belum meyakinkan.
summary-verdict-mixed = <b>Buktinya belum seragam: </b>interval kepercayaan risiko relatif di bawah standar vs sangat baik mencakup 1, sehingga perbandingannya belum meyakinkan.
summary-verdict-differs-higher = <b>Churn berbeda menurut kualitas serah terima melebihi yang dapat dijelaskan oleh kebetulan: </b>serah terima di bawah standar beriringan dengan churn tahun pertama yang jauh lebih tinggi daripada serah terima sangat baik.
summary-verdict-differs-lower = <b>Churn berbeda menurut kualitas serah terima melebihi yang dapat dijelaskan oleh kebetulan: </b>serah terima di bawah standar justru beriringan dengan churn tahun pertama yang lebih rendah daripada serah terima sangat baik, berlawanan dengan dugaan — periksa datanya.
summary-adjustment-moves = Penyesuaian menurut segmen menggeser risiko relatif dari { $crude } menjadi { $adjusted }: sebagian perbedaan kasar mencerminkan komposisi segmen, bukan serah terima.
summary-adjustment-barely = Penyesuaian menurut segmen hampir tidak mengubah risiko relatif ({ $crude } → { $adjusted }), jadi komposisi segmen tidak menjelaskan perbedaan tersebut.
summary-band-excellent = sangat baik
summary-band-good = baik
summary-band-acceptable = cukup
summary-band-substandard = di bawah standar
summary-low-sample = Sampel kecil: kategori { $bands } memiliki kurang dari 30 deal matang (bertanda †), sehingga tingkatnya kurang presisi.
summary-causation = <b>Korelasi, bukan sebab-akibat. </b>Angka-angka ini menunjukkan bagaimana churn beriringan dengan kualitas serah terima; angka ini tidak membuktikan bahwa serah terima yang lebih baik menyebabkan churn yang lebih rendah. Deal dengan serah terima yang buruk bisa saja berbeda dalam hal lain (ukuran deal, kesiapan pelanggan, kecocokan produk) yang juga memengaruhi churn; penyesuaian menurut segmen hanya menghilangkan satu perbedaan semacam itu, tidak semuanya.

## Expansion and NPS by band

expansion-heading = Ekspansi tahun pertama
expansion-no-mature-deals = tidak ada deal dalam kohort matang
expansion-intro = Ekspansi = peristiwa ekspansi dalam 365 hari setelah tanggal closing.
expansion-col-band = Kategori
expansion-col-deals = Deal
expansion-col-expanded = Ekspansi
expansion-col-rate = Tingkat ekspansi
expansion-col-ci = IK 95%
nps-heading = Net Promoter Score
nps-no-responses = tidak ada respons NPS dalam kohort 365 hari terakhir
nps-col-band = Kategori
nps-col-responses = Respons
nps-col-nps = NPS
nps-col-csat-30 = CSAT hari ke-30
nps-col-csat-90 = CSAT hari ke-90
nps-note = NPS = % promoter (9–10) − % detractor (0–6), dari −100 sampai +100; n menghitung respons, bukan deal.

## Customer satisfaction (monthly review too)

satisfaction-intro = CSAT (1–5) gelombang hari ke-30 (respons 1–60 hari setelah closing) dan gelombang hari ke-90 (61–120 hari), respons terakhir per deal dan gelombang. NPS = % promoter (9–10) − % detractor (0–6) atas respons kedua gelombang. Sel menampilkan nilai (n).
satisfaction-no-responses = tidak ada respons survei dalam gelombang tersebut
satisfaction-value-n = { $value } ({ $n })
satisfaction-col-band = Kategori
satisfaction-col-csat-30 = CSAT hari ke-30
satisfaction-col-csat-90 = CSAT hari ke-90
satisfaction-col-nps = NPS
satisfaction-review-heading = Deal untuk tinjauan ulang serah terima (CSAT ≤ 2)
satisfaction-review-none = Tidak ada: tidak ada respons dengan nilai 2 atau lebih rendah.
satisfaction-col-deal = Deal
satisfaction-col-account = Akun
satisfaction-col-rep = Sales rep
satisfaction-col-wave = Gelombang
satisfaction-col-csat = CSAT
satisfaction-wave-day_30 = Hari ke-30
satisfaction-wave-day_90 = Hari ke-90

## Quarterly trend

quarter-trend-table-title = Kuartal ini dibandingkan kuartal sebelumnya
quarter-trend-col-measure = Ukuran
quarter-trend-col-this = Kuartal ini
quarter-trend-col-previous = sebelumnya
quarter-trend-col-change = Perubahan
quarter-trend-deals = Deal yang closing
quarter-trend-score = Rata-rata skor kualitas
quarter-trend-completion = Tingkat penyelesaian
quarter-trend-knowledge-transfer = Pencapaian SLA transfer pengetahuan
quarter-trend-points = { $change } poin
quarter-trend-alerts = Peringatan kuartal ini
