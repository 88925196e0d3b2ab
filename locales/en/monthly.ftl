# Every user-facing text of the report and the notifications, English, in Project Fluent
# syntax (https://projectfluent.org); variables are { $name }, passed preformatted by the caller.
# One folder per language (locales/LANG/), the same files and message ids in each:
#   notify.ftl     Slack / Teams notifications
#   report.ftl     report title, meta, section titles and words every section shares
#   monthly.ftl    the monthly review's sections
#   quarterly.ftl  the quarterly report's sections

## The monthly review's sections (ids start with the section's name)
