# Bahasa Indonesia: the same message ids and variables as locales/en/ (a test checks it);
# terms as in docs/GLOSSARY.md. See locales/en/notify.ftl for what each file holds.

## Notifications (Slack and Microsoft Teams)

title-monthly = Tinjauan kualitas serah terima — { $label }
title-quarterly = Kualitas serah terima dan hasil tahun pertama — { $label }
kind-monthly = Tinjauan bulanan
kind-quarterly = Laporan kuartalan
period = { $kind } · { $start } s.d. { $end }
fact-deals = Deal
fact-mean-score = Rata-rata skor kualitas
fact-completion = Tingkat penyelesaian
completion-vs-target = { $rate } (target { $target })
fact-escalations = Eskalasi
churn-heading = Churn tahun pertama per kategori kualitas serah terima
churn-band = { $band }: { $rate } (n = { $n })
band-excellent = Sangat baik
band-good = Baik
band-acceptable = Cukup
band-substandard = Di bawah standar
fact-relative-risk = Risiko relatif, di bawah standar vs sangat baik
relative-risk-value = { $value } (IK 95% { $low }–{ $high })
alerts-heading = Peringatan ({ $count })
alerts-more = … dan { $count } lainnya di laporan
no-alerts = Tidak ada peringatan yang terpicu.
open-report = Buka laporan
report-at = Laporan: { $path }
not-available = tidak tersedia
fallback = { $title }: { $alerts }
fallback-alerts = peringatan: { $count }
fallback-no-alerts = tidak ada peringatan yang terpicu
