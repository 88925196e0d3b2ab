# Bahasa Indonesia: the same message ids and variables as locales/en/ (a test checks it);
# terms as in docs/GLOSSARY.md. See locales/en/quarterly.ftl for what each file holds.

## The quarterly report's sections (ids start with the section's name)
# Inline markup: **…** is strong text, † the low-sample mark.

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

arr-explained = **{ $arr }** nilai kontrak tahunan: ACV dari { $n } deal di bawah standar dalam kohort matang × selisih antara tingkat churn tahun pertamanya ({ $sub_rate }) dan tingkat churn serah terima sangat baik ({ $exc_rate }), minimal 0. Inilah nilai yang akan tetap dipertahankan deal di bawah standar seandainya churn-nya seperti deal sangat baik — gambaran skala dengan asumsi (yang belum terbukti) bahwa selisih itu disebabkan oleh serah terima, bukan sebuah proyeksi.
arr-not-computable = Tidak dapat dihitung: kohort matang tidak memiliki deal di bawah standar atau sangat baik.

## Retention curves

retention-intro = Porsi pelanggan yang belum churn menurut Kaplan–Meier, berdasarkan hari sejak closing. Berbeda dengan tingkat tahun pertama, setiap deal dihitung, masing-masing diikuti selama data memungkinkan.
retention-logrank = Uji log-rank untuk kesamaan kurva: χ² = **{ $statistic }** dengan { $dof } derajat bebas, p = **{ $p }**{ $differ ->
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
summary-rates = Pelanggan dengan serah terima di bawah standar mengalami churn tahun pertama sebesar **{ $sub_rate }**{ $sub_low } (IK 95% { $sub_ci }; { $sub_k } dari { $sub_n }) dibandingkan **{ $exc_rate }**{ $exc_low } (IK 95% { $exc_ci }; { $exc_k } dari { $exc_n }) untuk serah terima sangat baik
summary-no-substandard = Kohort matang tidak memiliki serah terima di bawah standar, sehingga serah terima di bawah standar dan sangat baik tidak dapat dibandingkan
summary-no-excellent = Kohort matang tidak memiliki serah terima sangat baik, sehingga serah terima di bawah standar dan sangat baik tidak dapat dibandingkan
summary-rr = ; risiko relatif **{ $value }** (IK 95% { $ci })
summary-rr-none = ; risiko relatif tidak dapat dihitung (ada jumlah churn atau kategori yang nol)
summary-rr-adjusted = ; risiko relatif yang disesuaikan menurut segmen (Mantel–Haenszel) **{ $value }** (IK 95% { $ci })
summary-rr-adjusted-none = ; risiko relatif yang disesuaikan menurut segmen tidak dapat dihitung
summary-chi-square = ; uji chi-kuadrat antarkategori p = **{ $p }**.
summary-chi-square-none = ; uji chi-kuadrat tidak dapat dihitung.
summary-verdict-not-computable = **Data belum dapat mendukung kesimpulan tentang kualitas serah terima dan churn tahun pertama: uji statistik tidak dapat dihitung pada kohort ini.**
summary-verdict-chance = **Data belum dapat mendukung kesimpulan: **dengan p = { $p } (≥ 0,05), perbedaan antarkategori masih dalam rentang yang sering muncul karena kebetulan saja.
summary-verdict-mixed-bands-differ = **Buktinya belum seragam: **churn berbeda antarkategori (p < 0,05), tetapi interval kepercayaan risiko relatif di bawah standar vs sangat baik mencakup 1, sehingga perbandingan itu sendiri belum meyakinkan.
summary-verdict-mixed = **Buktinya belum seragam: **interval kepercayaan risiko relatif di bawah standar vs sangat baik mencakup 1, sehingga perbandingannya belum meyakinkan.
summary-verdict-differs-higher = **Churn berbeda menurut kualitas serah terima melebihi yang dapat dijelaskan oleh kebetulan: **serah terima di bawah standar beriringan dengan churn tahun pertama yang jauh lebih tinggi daripada serah terima sangat baik.
summary-verdict-differs-lower = **Churn berbeda menurut kualitas serah terima melebihi yang dapat dijelaskan oleh kebetulan: **serah terima di bawah standar justru beriringan dengan churn tahun pertama yang lebih rendah daripada serah terima sangat baik, berlawanan dengan dugaan — periksa datanya.
summary-adjustment-moves = Penyesuaian menurut segmen menggeser risiko relatif dari { $crude } menjadi { $adjusted }: sebagian perbedaan kasar mencerminkan komposisi segmen, bukan serah terima.
summary-adjustment-barely = Penyesuaian menurut segmen hampir tidak mengubah risiko relatif ({ $crude } → { $adjusted }), jadi komposisi segmen tidak menjelaskan perbedaan tersebut.
summary-band-excellent = sangat baik
summary-band-good = baik
summary-band-acceptable = cukup
summary-band-substandard = di bawah standar
summary-low-sample = Sampel kecil: kategori { $bands } memiliki kurang dari 30 deal matang (bertanda †), sehingga tingkatnya kurang presisi.
summary-causation = **Korelasi, bukan sebab-akibat. **Angka-angka ini menunjukkan bagaimana churn beriringan dengan kualitas serah terima; angka ini tidak membuktikan bahwa serah terima yang lebih baik menyebabkan churn yang lebih rendah. Deal dengan serah terima yang buruk bisa saja berbeda dalam hal lain (ukuran deal, kesiapan pelanggan, kecocokan produk) yang juga memengaruhi churn; penyesuaian menurut segmen hanya menghilangkan satu perbedaan semacam itu, tidak semuanya.

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

## What to fix first: the churn drivers (METRICS.md §4.12)

drivers-title = Yang perlu dibenahi lebih dulu: praktik serah terima yang terkait dengan churn
drivers-intro = Setiap praktik membagi kohort matang menjadi deal yang menjalankannya dan deal yang tidak. Tabel ini membandingkan churn tahun pertama keduanya dan memberi nilai uang pada selisihnya: ARR yang berisiko adalah nilai kontrak deal tanpa praktik tersebut × seberapa jauh lebih sering deal itu churn. Praktik diurutkan menurut ARR yang berisiko — kandidat pertama untuk coaching. Ini adalah asosiasi pada deal masa lalu, bukan bukti bahwa membenahi satu praktik akan menurunkan churn: deal yang melewatkan satu langkah sering melewatkan langkah lain, dan praktik-praktik ini saling tumpang tindih.
drivers-top = ARR berisiko terbesar: **{ $practice }** — churn **{ $without }** tanpa praktik ini vs **{ $with }** dengannya, **{ $arr }** berisiko{ $holm ->
        [holds] ; selisihnya tetap bertahan setelah memperhitungkan { $tested } praktik yang diuji sekaligus (p Holm = { $p }).
        [chance] ; setelah memperhitungkan { $tested } praktik yang diuji sekaligus, selisihnya masih mungkin kebetulan (p Holm = { $p }).
       *[none] .
    }
drivers-no-deals = tidak ada deal
drivers-rate-of = { $rate } dari { $n }
drivers-col-practice = Praktik
drivers-col-with = Churn dengan praktik
drivers-col-without = Churn tanpa praktik
drivers-col-rr = Risiko relatif (tanpa ÷ dengan)
drivers-col-ci = IK 95%
drivers-col-holm = p disesuaikan Holm
drivers-col-arr = ARR yang berisiko
drivers-note-rr = Risiko relatif di atas 1: deal tanpa praktik tersebut lebih sering churn. Tanda pisah: tidak dapat dihitung (salah satu sisi tidak punya deal atau tidak ada churn).
drivers-note-holm = Nilai p dari uji eksak Fisher, disesuaikan dengan metode Holm karena { $tested } praktik diuji sekaligus; di bawah 0,05 selisihnya kecil kemungkinan hanya kebetulan.
drivers-note-left-out = Praktik SLA tidak menghitung deal yang tenggatnya belum lewat; penerimaan tidak menghitung serah terima tanpa keputusan CS.
# The practices in plain words (what "with" means); .in-sentence: the form inside a sentence.
drivers-practice-doc-deal-summary = Ringkasan deal terdokumentasi
    .in-sentence = ringkasan deal terdokumentasi
drivers-practice-doc-stakeholder-map = Peta pemangku kepentingan terdokumentasi
    .in-sentence = peta pemangku kepentingan terdokumentasi
drivers-practice-doc-commitments = Komitmen terdokumentasi
    .in-sentence = komitmen terdokumentasi
drivers-practice-doc-risk-factors = Faktor risiko terdokumentasi
    .in-sentence = faktor risiko terdokumentasi
drivers-practice-mtg-all-attended = Semua pihak hadir di rapat serah terima
    .in-sentence = semua pihak hadir di rapat serah terima
drivers-practice-mtg-agenda-covered = Agenda rapat terbahas
    .in-sentence = agenda rapat terbahas
drivers-practice-mtg-questions-answered = Pertanyaan CS terjawab
    .in-sentence = pertanyaan CS terjawab
drivers-practice-sla-knowledge-transfer = Transfer pengetahuan tepat waktu
    .in-sentence = transfer pengetahuan tepat waktu
drivers-practice-sla-intro = Perkenalan ke pelanggan terkirim tepat waktu
    .in-sentence = perkenalan ke pelanggan terkirim tepat waktu
drivers-practice-sla-cs-prep = Persiapan CS selesai tepat waktu
    .in-sentence = persiapan CS selesai tepat waktu
drivers-practice-sla-kickoff-scheduled = Kickoff dijadwalkan tepat waktu
    .in-sentence = kickoff dijadwalkan tepat waktu
drivers-practice-sla-kickoff-held = Kickoff terlaksana tepat waktu
    .in-sentence = kickoff terlaksana tepat waktu
drivers-practice-sla-first-value = Nilai pertama tercapai tepat waktu
    .in-sentence = nilai pertama tercapai tepat waktu
drivers-practice-cs-accepted = CS menerima serah terima
    .in-sentence = CS menerima serah terima
drivers-practice-info-complete = Semua informasi terisi
    .in-sentence = semua informasi terisi
# Methodology entries: .term is the term, the value its definition.
drivers-method-drivers = Setiap praktik serah terima membagi kohort matang menjadi deal dengan dan tanpa praktik itu (butir checklist selesai sepenuhnya; SLA terpenuhi vs terlewat, yang belum jatuh tempo tidak dihitung; CS menerima vs menolak atau mengembalikan; semua informasi terisi). Risiko relatif = tingkat churn tanpa ÷ dengan, IK 95% dengan metode log; nilai p dari uji eksak Fisher, disesuaikan dengan metode Holm untuk jumlah praktik yang diuji; ARR yang berisiko = ACV deal tanpa praktik tersebut × selisih tingkat churn, minimal 0.
    .term = Yang perlu dibenahi lebih dulu
drivers-method-hazard-ratios = Regresi Cox proportional-hazards atas kohort survival dengan baseline terpisah per segmen dan penanganan Efron untuk tanggal churn yang sama; kovariatnya indikator kategori (sangat baik sebagai acuan) atau skor per 10 poin, masing-masing dengan log(1 + ACV). Interval 95% dari invers matriks informasi, nilai p Wald.
    .term = Rasio hazard yang disesuaikan
drivers-method-power = Rasio churn di bawah standar ÷ sangat baik terkecil yang dapat dideteksi uji dua proporsi dua sisi pada taraf 5% dengan power 80%, berdasarkan ukuran kedua kategori dan tingkat churn kategori sangat baik.
    .term = Risiko relatif terkecil yang dapat dideteksi
drivers-method-close-quarter = Churn tahun pertama kohort matang, dikelompokkan menurut kuartal kalender tanggal closing dan kategori.
    .term = Kohort per kuartal closing

## Adjusted comparisons (METRICS.md §4.13–§4.14)

adjusted-title = Serah terimanya atau deal-nya? Perbandingan yang disesuaikan
adjusted-intro = Tiga cara membandingkan serah terima di bawah standar dengan yang sangat baik, dari yang paling sederhana sampai yang paling disesuaikan. Risiko relatif membandingkan tingkat churn tahun pertama (yang kedua di dalam tiap segmen). Rasio hazard berasal dari regresi Cox atas setiap deal dan seluruh waktu pengamatannya, membandingkan deal dengan segmen dan ukuran deal yang sama (log ACV): rasio hazard 1,5 berarti churn 1,5 kali lebih cepat pada setiap titik waktu. Jika angka yang disesuaikan tetap dekat dengan angka kasar, komposisi segmen dan ukuran deal tidak menjelaskan selisihnya; semuanya tetap asosiasi.
adjusted-col-comparison = Perbandingan
adjusted-col-cohort = Kohort
adjusted-col-ratio = Rasio
adjusted-col-ci = IK 95%
adjusted-col-p = Nilai p
adjusted-col-reading = Tafsiran
adjusted-cohort-mature = matang
adjusted-cohort-survival = survival
adjusted-rr-crude = Risiko relatif, di bawah standar vs sangat baik (kasar)
adjusted-rr-segments = Risiko relatif, di dalam segmen (Mantel–Haenszel)
adjusted-hr-substandard = Rasio hazard, di bawah standar vs sangat baik (Cox, segmen dan ukuran deal sama)
adjusted-hr-acceptable = Rasio hazard, cukup vs sangat baik (Cox, segmen dan ukuran deal sama)
adjusted-hr-good = Rasio hazard, baik vs sangat baik (Cox, segmen dan ukuran deal sama)
adjusted-hr-score = Rasio hazard per tambahan 10 poin kualitas (Cox, segmen dan ukuran deal sama)
adjusted-reading-above = churn lebih tinggi (IK di atas 1)
adjusted-reading-below = churn lebih rendah (IK di bawah 1)
adjusted-reading-includes = belum dapat disimpulkan: IK mencakup 1
adjusted-reading-none = tidak dapat dihitung
adjusted-note-score = Di bawah 1 per 10 poin kualitas: serah terima yang lebih baik beriringan dengan churn yang lebih lambat.
adjusted-note-no-model = Model kategori tidak dapat diestimasi: belum ada churn, serah terima sangat baik tidak punya deal atau churn, atau ada kategori tanpa churn.
adjusted-power = { $crude ->
        [computed] Risiko relatif kasar tidak signifikan, tetapi itu tidak menunjukkan bahwa efeknya tidak ada.
       *[none] Risiko relatif kasar tidak dapat dihitung (ada kategori tanpa deal atau tanpa churn), dan itu juga bukan bukti bahwa efeknya tidak ada.
    } Dengan { $sub } deal di bawah standar dan { $exc } deal sangat baik, serta { $exc_rate } deal sangat baik yang churn, data ini hanya dapat mendeteksi secara andal (80% dari waktu, pada taraf 5%) risiko relatif sebesar **{ $mde }** atau lebih; selisih nyata yang lebih kecil bisa saja tidak terlihat.
adjusted-power-unknown = { $crude ->
        [computed] Risiko relatif kasar tidak signifikan, tetapi itu tidak menunjukkan bahwa efeknya tidak ada.
       *[none] Risiko relatif kasar tidak dapat dihitung (ada kategori tanpa deal atau tanpa churn), dan itu juga bukan bukti bahwa efeknya tidak ada.
    } Kohortnya terlalu kecil (atau deal sangat baik tidak pernah atau selalu churn) untuk menyatakan seberapa besar efek yang dapat dideteksi: baca ini sebagai "data belum cukup", bukan "tidak ada efek".

## Churn by close quarter (METRICS.md §4.15)

close-quarter-title = Churn tahun pertama per kuartal closing
close-quarter-no-deals = Tidak ada data: tidak ada deal dalam kohort matang.
close-quarter-intro = Deal dikelompokkan menurut kuartal closing-nya, sehingga perubahan churn dari waktu ke waktu terlihat alih-alih tersembunyi dalam tingkat gabungan. Setiap sel: tingkat churn tahun pertama, deal yang churn dari seluruh deal. Tiap kuartal hanya berisi sedikit deal per kategori, jadi satu sel bisa banyak bergeser karena kebetulan.
close-quarter-col-quarter = Kuartal closing
close-quarter-cell = { $rate } ({ $churned } dari { $n })

## Charts of the quarterly report

churn-chart-title = Churn tahun pertama per kategori kualitas serah terima
churn-chart-note = Kohort matang; garis galat: interval kepercayaan Wilson 95%; † kurang dari 30 deal
churn-chart-whisker = interval kepercayaan 95%
churn-chart-x = Kategori kualitas (kohort matang)
churn-chart-y = Tingkat churn tahun pertama
churn-chart-band-n = { $band } (n={ $n }){ $mark }
retention-chart-title = Retensi pelanggan per kategori kualitas serah terima
retention-chart-note = Kaplan–Meier atas kohort survival
retention-chart-note-axis = Kaplan–Meier atas kohort survival; sumbu vertikal dimulai dari { $start }
retention-chart-x = Hari sejak closing
retention-chart-y = Porsi pelanggan yang bertahan
retention-chart-one-year = 1 tahun
expansion-chart-title = Ekspansi dan NPS per kategori kualitas serah terima
expansion-chart-note = † kurang dari 30 deal (ekspansi) atau respons (NPS)
expansion-chart-subtitle = Tingkat ekspansi tahun pertama (kohort matang, IK 95%)
expansion-chart-y = Tingkat ekspansi
nps-chart-subtitle = NPS (kohort 365 hari terakhir; n = respons)
nps-chart-x = Kategori kualitas
nps-chart-y = NPS (−100 sampai +100)
drivers-chart-title = ARR yang berisiko per praktik serah terima
drivers-chart-note = Kohort matang; ACV deal tanpa praktik tersebut × tambahan tingkat churn tahun pertamanya; asosiasi, bukan penyebab
drivers-chart-x = ARR yang berisiko (ribuan, mata uang ACV)
close-quarter-chart-title = Churn tahun pertama per kuartal closing dan kategori
close-quarter-chart-note = Kohort matang; sebagian besar sel berisi kurang dari 30 deal, sehingga satu batang saja kurang presisi
close-quarter-chart-x = Kuartal tanggal closing
close-quarter-chart-y = Tingkat churn tahun pertama
