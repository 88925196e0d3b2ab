# Bahasa Indonesia: the same message ids and variables as locales/en/ (a test checks it);
# terms as in docs/GLOSSARY.md. See locales/en/monthly.ftl for what each file holds.

## The monthly review's sections (ids start with the section's name)

## adoption

adoption-intro = Utilisasi = pengguna aktif ÷ kursi berlisensi dari snapshot adopsi terakhir dalam 7 hari sampai hari ke-N setelah closing; kesehatan = skor kesehatan terakhir dalam 14 hari sampai hari ke-N. Deal tanpa snapshot dalam jendela itu dianggap kosong, bukan nol; hanya deal yang sudah melewati hari ke-N yang dihitung. Sel menampilkan rata-rata (n).
adoption-utilisation-by-band = Utilisasi per kategori kualitas
adoption-health-by-band = Skor kesehatan per kategori kualitas
adoption-no-rows = belum ada deal yang mencapai hari ke-30 dengan snapshot

## escalations

escalations-cohort = Jendela eskalasi: deal yang closing { $from } s.d. { $to } ({ $days } hari sampai tanggal acuan), apa pun periode laporannya.
escalations-lead = **{ $count } deal** punya aktivitas SLA yang melewati tenggat dan masih belum selesai: eskalasikan sekarang. Satu baris per aktivitas, yang paling lama terlambat lebih dulu.
escalations-none = Tidak ada: semua deal terbaru sesuai jadwal.
escalations-days-overdue = Hari terlambat
escalations-cut = Menampilkan { $shown } baris yang paling lama terlambat dari { $rows }; tables/escalations.csv memuat semuanya.

## trend

trend-cohort = Kohort bulanan: deal yang closing di masing-masing dari enam bulan kalender sampai { $end }.
trend-no-rows = tidak ada bulan tren
trend-slope = Rata-rata skor per bulan. Kemiringan kuadrat terkecil adalah **{ $slope } poin per bulan** — **{ $direction }** (membaik ≥ +1, menurun ≤ −1, selain itu stabil; bulan tanpa deal tidak dihitung).
trend-no-slope = Rata-rata skor per bulan. Terlalu sedikit bulan dengan deal untuk membuat garis tren.
trend-month = Bulan
trend-table-cohort = Kohort bulanan (deal yang closing di bulan tersebut).
trend-improving = membaik
trend-declining = menurun
trend-flat = stabil

## missing

missing-no-rows = tidak ada catatan serah terima dalam periode
missing-lead = Rata-rata kelengkapan per serah terima: **{ $mean }%** dari { $records } catatan serah terima. Field diurutkan dari yang paling sering kosong.
missing-rank = Peringkat
missing-field = Field
missing-missing = Kosong
missing-filled = Terisi
field-info-customer-context = Konteks pelanggan
field-info-stakeholders = Pemangku kepentingan
field-info-objectives = Tujuan
field-info-scope = Cakupan
field-info-technical = Teknis
field-info-implementation = Implementasi
field-info-risks = Risiko

## transitions

transitions-cohort = Perpindahan bertanggal { $start } s.d. { $end } (periode ini).
transitions-kind-count = { $kind }: { $count }
transitions-count = Perpindahan
transitions-planned = Terencana
transitions-joint-meeting = Dengan rapat bersama
transitions-satisfaction = Kepuasan (1–5)
transitions-target = target ≥ { $target }
transitions-kt = Kelengkapan transfer pengetahuan
transitions-kt-value = rata-rata { $mean }; { $share } perpindahan bernilai ≥ 95
transitions-health-change = Perubahan kesehatan setelah perpindahan
transitions-not-provided = tidak tersedia (tabel { $table } tidak disediakan)
transitions-health-part = +{ $days } hari: { $change } poin (n = { $n })
transitions-health-none = belum ada perpindahan yang berumur 30 hari, atau tidak ada snapshot kesehatan di sekitarnya
transitions-churn = Churn dalam 180 hari
transitions-planned-group = terencana
transitions-unplanned-group = tidak terencana
transitions-churn-part = { $group }: { $rate } (IK 95% { $ci }; n = { $n })
transitions-churn-none = belum dapat diamati: belum ada perpindahan dalam periode yang berumur 180 hari
transitions-churn-value = { $parts } — hanya perpindahan paling lambat 180 hari sebelum tanggal acuan yang dihitung.
transitions-date = Tanggal
transitions-from = Dari
transitions-to = Ke
transitions-kind = Jenis
transitions-planned-head = Terencana
transitions-joint-head = Rapat bersama
transitions-kt-head = Kelengkapan TP
transitions-satisfaction-head = Kepuasan
transitions-cut = Menampilkan { $shown } dari { $rows } perpindahan; tables/transitions.csv memuat semuanya.
transitions-kind-sales-to-cs = Sales ke CS
transitions-kind-sales-to-am = Sales ke AM
transitions-kind-rep-to-rep = Antar-sales rep
transitions-kind-team-to-team = Antartim

## headline

headline-previous-period = periode sebelumnya
headline-change-pts = { $change } poin vs { $previous }
headline-change-deals = { $change } vs { $previous } ({ $before })
headline-deals = Deal yang closing
headline-mean-score = Rata-rata skor kualitas
headline-score-target = ≥ 80 baik · ≥ 70 cukup
headline-median = median { $median }
headline-completion = Tingkat penyelesaian
headline-target = target ≥ { $target }
headline-completion-detail = { $complete } lengkap · { $incomplete } belum lengkap · { $pending } belum jatuh tempo
headline-kt = SLA transfer pengetahuan
headline-floor = batas minimum { $floor }
headline-kt-detail = rapat dalam { $deadline } setelah closing
headline-escalations = Eskalasi saat ini
headline-escalations-detail = deal yang closing ≤ 90 hari lalu dengan SLA terlewat dan masih terbuka
headline-escalations-over = melewati batas peringatan
headline-escalations-act = segera tindak lanjuti
headline-escalations-none = tidak ada yang terbuka
headline-acceptance = Penerimaan oleh CS
headline-acceptance-detail = { $accepted } diterima · { $revision } perlu revisi · { $rejected } ditolak
headline-coaching = Sales rep yang perlu coaching
headline-coaching-detail = rata-rata skor < 70 dari ≥ 3 serah terima
headline-coaching-flagged = coaching
headline-coaching-none = tidak ada
headline-status-note = Warna status: hijau sesuai target; kuning paling jauh 10 poin di bawah target (skor 70–80); merah di bawahnya. Perubahan dibandingkan dengan periode sebelumnya yang sama panjang.

## sla (deadline words are shared with the headline and the methodology)

sla-days-calendar = { $days } hari
sla-days-business = { $days } hari kerja
sla-hours-calendar = { $hours } jam
sla-hours-business = { $hours } jam kerja
sla-first-value-deadline-calendar = closing + target segmen ({ $range } hari)
sla-first-value-deadline-business = closing + target segmen ({ $range } hari kerja)
sla-deadline = closing + { $duration }
sla-no-rows = tidak ada aktivitas SLA
sla-intro = Pencapaian = terpenuhi ÷ (terpenuhi + terlewat); aktivitas yang belum jatuh tempo tidak dihitung. Batas minimumnya **{ $floor }**.
sla-default-deadline = Tenggat bawaan
sla-deadline-head = Tenggat
sla-met = Terpenuhi
sla-missed = Terlewat
sla-pending = Belum jatuh tempo
sla-attainment = Pencapaian
sla-note-defaults = Tenggat yang ditampilkan adalah bawaan spesifikasi; berkas konfigurasi dapat mengubahnya. Nilai pertama memerlukan tabel milestones.
sla-note-config = Tenggat yang ditampilkan adalah yang diatur berkas konfigurasi. Nilai pertama memerlukan tabel milestones.

## completion

completion-intro = Serah terima lengkap bila transfer pengetahuan, penjadwalan kickoff, dan nilai pertama semuanya memenuhi SLA; belum lengkap bila salah satunya terlewat; selain itu belum jatuh tempo. Tingkat = lengkap ÷ (lengkap + belum lengkap).
completion-complete = Lengkap
completion-incomplete = Belum lengkap
completion-pending = Belum jatuh tempo
completion-rate = Tingkat penyelesaian
completion-target = Target
completion-at-least = ≥ { $target }
completion-accepted = Diterima
completion-needs-revision = Perlu revisi
completion-rejected = Ditolak
completion-acceptance-rate = Tingkat penerimaan
completion-acceptance-title = Penerimaan catatan serah terima oleh CS
completion-acceptance = Penerimaan oleh CS

## bands

bands-no-rows = tidak ada deal yang closing dalam periode
bands-intro = Rata-rata skor **{ $mean }**, median **{ $median }** (0–100). Kategori: sangat baik ≥ 90, baik ≥ 80, cukup ≥ 70, di bawah standar < 70.
bands-share = Porsi

## scorecards

scorecards-handoffs = Serah terima
scorecards-completion = Penyelesaian
scorecards-kt = Pencapaian TP
scorecards-acceptance = Penerimaan
scorecards-rejections = Penolakan
scorecards-flag = tanda
scorecards-none-flagged = Tidak ada sales rep yang perlu coaching (rata-rata skor di bawah 70 dari minimal 3 serah terima).
# The callout: the opening, the reps (in bold) joined by the separator, the closing.
scorecards-flagged = Perlu coaching (rata-rata skor di bawah 70 dari minimal 3 serah terima):{" "}
scorecards-separator = ,{" "}
scorecards-flagged-end = .
scorecards-intro = Diurutkan menurut rata-rata skor, yang terbaik lebih dulu. Sebagian besar baris hanya berisi sedikit serah terima: baca angka per bulan dengan hati-hati dan perhatikan trennya.
scorecards-by-rep = Per sales rep
scorecards-by-team = Per tim
scorecards-by-csm = Per CSM
scorecards-team = Tim
scorecards-coaching = Coaching
scorecards-below-70 = Di bawah 70
scorecards-no-rows = tidak ada serah terima dalam periode

## ttfv (both reports)

ttfv-segment = Segmen
ttfv-acv-band = Kelas ACV
ttfv-quality-band = Kategori kualitas
ttfv-reached = Tercapai
ttfv-median-days = Median hari
ttfv-iqr = p25–p75
ttfv-p90 = p90
ttfv-km-median = Median KM
ttfv-by-day-30 = Sampai hari ke-30
ttfv-by-day-60 = Sampai hari ke-60
ttfv-by-day-90 = Sampai hari ke-90
ttfv-note = Median, p25–p75, dan p90 dihitung atas deal yang sudah mencapai nilai pertama; median Kaplan–Meier (KM) dan porsi yang tercapai sampai hari ke-30/60/90 menghitung setiap deal, yang masih menunggu sebagai tersensor — sehingga kelompok yang lambat tidak tampak lebih baik karena diabaikan.
ttfv-intro = Jumlah hari dari closing sampai milestone nilai pertama yang pertama sebelum waktu acuan.
ttfv-by-segment = TTFV per segmen
ttfv-by-acv-band = TTFV per kelas ACV
ttfv-by-quality-band = TTFV per kategori kualitas serah terima
ttfv-no-rows = tidak ada deal dalam kohort 365 hari terakhir

## Charts of the monthly review (titles, notes, legends, axes)

chart-bands-title = Deal per kategori kualitas serah terima, { $period }
chart-bands-note = Kategori: sangat baik ≥ 90, baik ≥ 80, cukup ≥ 70, di bawah standar < 70
chart-quality-band = Kategori kualitas
chart-deals-closed = Deal yang closing
chart-trend-title = Rata-rata skor kualitas serah terima per bulan
chart-trend-note = Enam bulan kalender sampai periode laporan; n = deal yang closing di bulan itu
chart-trend-thresholds = batas kategori (baik 80, cukup 70)
chart-trend-x = Bulan closing
chart-trend-y = Rata-rata skor kualitas (0–100)
chart-ref-good = baik
chart-ref-acceptable = cukup
chart-sla-bar = { $rate } ({ $met } dari { $decided })
chart-sla-all-pending = tidak ada data (semua belum jatuh tempo)
chart-sla-title = Pencapaian SLA per aktivitas, { $period }
chart-sla-above = pada atau di atas batas minimum
chart-sla-below = di bawah batas minimum
chart-sla-floor-legend = batas minimum { $floor }
chart-sla-x = Pencapaian = terpenuhi ÷ (terpenuhi + terlewat), kohort periode
chart-sla-floor = batas minimum
chart-missing-title = Informasi serah terima yang paling sering kosong, { $period }
chart-missing-note = Porsi catatan serah terima periode ini tanpa field tersebut, yang paling sering kosong lebih dulu
chart-missing-x = Porsi catatan serah terima tanpa field tersebut
chart-ttfv-title = Waktu hingga nilai pertama per segmen (12 bulan terakhir)
chart-ttfv-note = Atas deal yang sudah mencapai nilai pertama; † kurang dari 30 deal dalam segmen
chart-ttfv-iqr = p25–p75
chart-ttfv-median = median
chart-ttfv-p90 = p90
chart-group-n = { $group } (n={ $n }){ $low }
chart-ttfv-x = Segmen (deal dalam kohort 365 hari terakhir)
chart-ttfv-y = Hari dari closing sampai nilai pertama
chart-ttfv-km-title = Deal yang masih menunggu nilai pertama, per kategori kualitas
chart-ttfv-km-note = Estimasi Kaplan–Meier atas kohort 365 hari terakhir; deal yang belum mencapai nilai pertama disensor
chart-ttfv-km-x = Hari sejak closing
chart-ttfv-km-y = Porsi tanpa nilai pertama
chart-adoption-utilisation = Utilisasi (pengguna aktif ÷ kursi berlisensi)
chart-adoption-utilisation-y = Rata-rata utilisasi
chart-adoption-health = Skor kesehatan
chart-adoption-health-y = Rata-rata skor kesehatan (0–100)
chart-adoption-title = Adopsi awal dan kesehatan per kategori kualitas
chart-adoption-note = Kohort 365 hari terakhir; rata-rata pada hari ke-30, 60, dan 90 setelah closing atas deal yang punya snapshot
chart-day-30 = hari ke-30
chart-day-60 = hari ke-60
chart-day-90 = hari ke-90
chart-days-value = { $days } hr
chart-none-reached = belum ada yang tercapai
