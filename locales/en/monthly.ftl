# Every user-facing text of the report and the notifications, English, in Project Fluent
# syntax (https://projectfluent.org); variables are { $name }, passed preformatted by the caller.
# One folder per language (locales/LANG/), the same files and message ids in each:
#   notify.ftl     Slack / Teams notifications
#   report.ftl     report title, meta, section titles and words every section shares
#   monthly.ftl    the monthly review's sections
#   quarterly.ftl  the quarterly report's sections

## The monthly review's sections (ids start with the section's name)

## adoption

adoption-intro = Utilisation = active users ÷ licensed seats from the latest adoption snapshot in the 7 days up to day N after close; health = the latest health score in the 14 days up to day N. Deals without a snapshot in the window are missing, never zero; only deals whose day N has passed count. Cells show mean (n).
adoption-utilisation-by-band = Utilisation by band
adoption-health-by-band = Health score by band
adoption-no-rows = no deal has reached day 30 with a snapshot

## escalations

escalations-cohort = Escalation window: deals closed { $from } to { $to } (the { $days } days up to the as-of date), whatever the report period.
escalations-lead = **{ $count } { $n ->
        [one] deal
       *[other] deals
    }** have an SLA activity that missed its deadline and is still not done: escalate now. One row per activity, most overdue first.
escalations-none = None: every recent deal is on track.
escalations-days-overdue = Days overdue
escalations-cut = Showing the { $shown } most overdue of { $rows } rows; tables/escalations.csv has them all.

## trend

trend-cohort = Monthly cohorts: deals closed in each of the six calendar months ending { $end }.
trend-no-rows = no trend months
trend-slope = Mean score per month. The least-squares slope is **{ $slope } points per month** — **{ $direction }** (improving ≥ +1, declining ≤ −1, otherwise flat; months without deals are left out).
trend-no-slope = Mean score per month. Too few months with deals to fit a trend line.
trend-month = Month
trend-table-cohort = Monthly cohorts (deals closed in the month).
trend-improving = improving
trend-declining = declining
trend-flat = flat

## missing

missing-no-rows = no handoff records in the period
missing-lead = Mean completeness per handoff: **{ $mean }%** over { $records } handoff records. Fields are ranked from most to least often missing.
missing-rank = Rank
missing-field = Field
missing-missing = Missing
missing-filled = Filled
field-info-customer-context = Customer context
field-info-stakeholders = Stakeholders
field-info-objectives = Objectives
field-info-scope = Scope
field-info-technical = Technical
field-info-implementation = Implementation
field-info-risks = Risks

## transitions

transitions-cohort = Transitions dated { $start } to { $end } (the period).
transitions-kind-count = { $kind }: { $count }
transitions-count = Transitions
transitions-planned = Planned
transitions-joint-meeting = With a joint meeting
transitions-satisfaction = Satisfaction (1–5)
transitions-target = target ≥ { $target }
transitions-kt = Knowledge-transfer completeness
transitions-kt-value = mean { $mean }; { $share } of transitions at ≥ 95
transitions-health-change = Health change after the transition
transitions-not-provided = not available (table { $table } not provided)
transitions-health-part = +{ $days } days: { $change } points (n = { $n })
transitions-health-none = no transition is 30 days old yet, or no health snapshots around them
transitions-churn = Churn within 180 days
transitions-planned-group = planned
transitions-unplanned-group = unplanned
transitions-churn-part = { $group }: { $rate } (95% CI { $ci }; n = { $n })
transitions-churn-none = not yet observable: no transition in the period is 180 days old
transitions-churn-value = { $parts } — only transitions at least 180 days before the as-of date count.
transitions-date = Date
transitions-from = From
transitions-to = To
transitions-kind = Kind
transitions-planned-head = Planned
transitions-joint-head = Joint meeting
transitions-kt-head = KT completeness
transitions-satisfaction-head = Satisfaction
transitions-cut = Showing { $shown } of { $rows } transitions; tables/transitions.csv has them all.
transitions-kind-sales-to-cs = Sales to CS
transitions-kind-sales-to-am = Sales to AM
transitions-kind-rep-to-rep = Rep to rep
transitions-kind-team-to-team = Team to team

## headline

headline-previous-period = previous period
headline-change-pts = { $change } pts vs { $previous }
headline-change-deals = { $change } vs { $previous } ({ $before })
headline-deals = Deals closed
headline-mean-score = Mean quality score
headline-score-target = ≥ 80 good · ≥ 70 acceptable
headline-median = median { $median }
headline-completion = Completion rate
headline-target = target ≥ { $target }
headline-completion-detail = { $complete } complete · { $incomplete } incomplete · { $pending } pending
headline-kt = Knowledge-transfer SLA
headline-floor = floor { $floor }
headline-kt-detail = meeting within { $deadline } of close
headline-escalations = Escalations now
headline-escalations-detail = deals closed ≤ 90 days ago with an SLA missed and still open
headline-escalations-over = over the alert limit
headline-escalations-act = act on these
headline-escalations-none = none open
headline-acceptance = CS acceptance
headline-acceptance-detail = { $accepted } accepted · { $revision } needs revision · { $rejected } rejected
headline-coaching = Reps flagged for coaching
headline-coaching-detail = mean score < 70 over ≥ 3 handoffs
headline-coaching-flagged = coach
headline-coaching-none = none
headline-status-note = Status colours: green on target; amber within 10 points of the target (scores 70–80); red below. Changes compare with the previous period of the same length.

## sla (deadline words are shared with the headline and the methodology)

sla-days-calendar = { $days } days
sla-days-business = { $days } business days
sla-hours-calendar = { $hours } h
sla-hours-business = { $hours } business hours
sla-first-value-deadline-calendar = close + segment target ({ $range } days)
sla-first-value-deadline-business = close + segment target ({ $range } business days)
sla-deadline = close + { $duration }
sla-no-rows = no SLA activities
sla-intro = Attainment = met ÷ (met + missed); pending activities (deadline still ahead) are left out. The floor is **{ $floor }**.
sla-default-deadline = Default deadline
sla-deadline-head = Deadline
sla-met = Met
sla-missed = Missed
sla-pending = Pending
sla-attainment = Attainment
sla-note-defaults = Deadlines shown are the defaults of the specification; a config file may override them. First value needs the milestones table.
sla-note-config = Deadlines shown are those set by the config file. First value needs the milestones table.

## completion

completion-intro = A handoff is complete when knowledge transfer, kickoff scheduling and first value all met their SLA; incomplete when any was missed; otherwise pending. Rate = complete ÷ (complete + incomplete).
completion-complete = Complete
completion-incomplete = Incomplete
completion-pending = Pending
completion-rate = Completion rate
completion-target = Target
completion-at-least = ≥ { $target }
completion-accepted = Accepted
completion-needs-revision = Needs revision
completion-rejected = Rejected
completion-acceptance-rate = Acceptance rate
completion-acceptance-title = CS acceptance of the handoff record
completion-acceptance = CS acceptance

## bands

bands-no-rows = no deals closed in the period
bands-intro = Mean score **{ $mean }**, median **{ $median }** (0–100). Bands: excellent ≥ 90, good ≥ 80, acceptable ≥ 70, substandard < 70.
bands-share = Share

## scorecards

scorecards-handoffs = Handoffs
scorecards-completion = Completion
scorecards-kt = KT attainment
scorecards-acceptance = Acceptance
scorecards-rejections = Rejections
scorecards-flag = flag
scorecards-none-flagged = No rep is flagged for coaching (mean score below 70 over at least 3 handoffs).
# The callout: the opening, the reps (in bold) joined by the separator, the closing.
scorecards-flagged = Flagged for coaching (mean score below 70 over at least 3 handoffs):{" "}
scorecards-separator = ,{" "}
scorecards-flagged-end = .
scorecards-intro = Sorted by mean score, best first. Most rows rest on a handful of handoffs: read single months with care and look at the trend.
scorecards-by-rep = By sales rep
scorecards-by-team = By team
scorecards-by-csm = By CSM
scorecards-team = Team
scorecards-coaching = Coaching
scorecards-below-70 = Below 70
scorecards-no-rows = no handoffs in the period

## ttfv (both reports)

ttfv-segment = Segment
ttfv-acv-band = ACV band
ttfv-quality-band = Quality band
ttfv-reached = Reached
ttfv-median-days = Median days
ttfv-iqr = p25–p75
ttfv-p90 = p90
ttfv-km-median = KM median
ttfv-by-day-30 = By day 30
ttfv-by-day-60 = By day 60
ttfv-by-day-90 = By day 90
ttfv-note = Median, p25–p75 and p90 are over the deals that reached first value; the Kaplan–Meier (KM) median and the shares reached by day 30/60/90 count every deal, those still waiting as censored — so slow groups are not flattered by leaving them out.
ttfv-intro = Days from close to the first first-value milestone before the as-of instant.
ttfv-by-segment = TTFV by segment
ttfv-by-acv-band = TTFV by ACV band
ttfv-by-quality-band = TTFV by handoff-quality band
ttfv-no-rows = no deals in the trailing cohort

## Charts of the monthly review (titles, notes, legends, axes)

chart-bands-title = Deals by handoff-quality band, { $period }
chart-bands-note = Bands: excellent ≥ 90, good ≥ 80, acceptable ≥ 70, substandard < 70
chart-quality-band = Quality band
chart-deals-closed = Deals closed
chart-trend-title = Mean handoff quality score by month
chart-trend-note = Six calendar months ending with the report period; n = deals closed in the month
chart-trend-thresholds = band thresholds (good 80, acceptable 70)
chart-trend-x = Month of close
chart-trend-y = Mean quality score (0–100)
chart-ref-good = good
chart-ref-acceptable = acceptable
chart-sla-bar = { $rate } ({ $met } of { $decided })
chart-sla-all-pending = no data (all pending)
chart-sla-title = SLA attainment by activity, { $period }
chart-sla-above = at or above the floor
chart-sla-below = below the floor
chart-sla-floor-legend = { $floor } floor
chart-sla-x = Attainment = met ÷ (met + missed), period cohort
chart-sla-floor = floor
chart-missing-title = Most-missing handoff information, { $period }
chart-missing-note = Share of the period's handoff records without the field, most often missing first
chart-missing-x = Share of handoff records missing the field
chart-ttfv-title = Time to first value by segment (trailing 12 months)
chart-ttfv-note = Over deals that reached first value; † fewer than 30 deals in the segment
chart-ttfv-iqr = p25–p75
chart-ttfv-median = median
chart-ttfv-p90 = p90
chart-group-n = { $group } (n={ $n }){ $low }
chart-ttfv-x = Segment (deals in the trailing cohort)
chart-ttfv-y = Days from close to first value
chart-ttfv-km-title = Deals still waiting for first value, by quality band
chart-ttfv-km-note = Kaplan–Meier estimate over the trailing cohort; deals not yet at first value are censored
chart-ttfv-km-x = Days since close
chart-ttfv-km-y = Share without first value
chart-adoption-utilisation = Utilisation (active users ÷ licensed seats)
chart-adoption-utilisation-y = Mean utilisation
chart-adoption-health = Health score
chart-adoption-health-y = Mean health score (0–100)
chart-adoption-title = Early adoption and health by quality band
chart-adoption-note = Trailing cohort; mean at 30, 60 and 90 days after close over deals with a snapshot
chart-day-30 = day 30
chart-day-60 = day 60
chart-day-90 = day 90
chart-days-value = { $days } d
chart-none-reached = none reached
