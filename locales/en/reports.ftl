### Reports of the admin console (/stats, /export, /find, /sla) and citizens' satisfaction.

## Statistics (/stats)

stats-bad-period =
    “{ $value }” is not a period I know.
    { usage-stats }
stats-period-all = all cases
stats-period-year = the year { $year }
stats-head =
    📊 <b>Pishkhan statistics — { $period }</b>
    <b>Cases received:</b> { $total }
stats-section-statuses =
    <b>By status</b>
    { $lines }
stats-section-subjects =
    <b>By subject</b>
    { $lines }
stats-section-months =
    <b>By month</b>
    { $lines }
stats-section-last-months =
    <b>Last twelve months</b>
    { $lines }
stats-section-provinces =
    <b>By province</b>
    { $lines }
stats-membership =
    <b>Business's membership of the union</b>
    • Member (licence in the registry): { $members } ({ $members_share })
    • Non-member: { $non_members } ({ $non_members_share })
stats-first-response =
    <b>First response</b> ({ $count } cases)
    median { $median } hours — 90th percentile: { $p90 } hours
    within { $days } working days: { $on_time } cases ({ $share })
stats-first-response-none =
    <b>First response</b>
    No case has been answered yet.
stats-closing =
    <b>Closing</b> ({ $count } cases)
    median { $median } days — 90th percentile: { $p90 } days
    within Article 72's { $days } days: { $on_time } cases ({ $share })
stats-closing-none =
    <b>Closing</b>
    No case has been closed yet.
stats-now =
    <b>Now</b> ({ $date })
    • past their step's deadline: { $overdue }
    • past Article 72's ten days: { $breached }
stats-section-clerks =
    <b>Clerks' load</b> (in hand, overdue, received in this period)
    { $lines }
stats-clerk-line = • { $clerk }: { $open } in hand, { $overdue } overdue, { $received } in this period
stats-clerk-nameless = Clerk without a name
stats-section-satisfaction =
    <b>Citizens' satisfaction</b>
    { $lines }
stats-empty = 📊 No case has been filed yet.
stats-empty-period = 📊 No case was received in { $period }.
stats-line = • { $label }: { $count }
stats-subline = { "  " }◦ { $label }: { $count }
stats-others = Others
stats-none = None.
stats-province-unknown = Unknown
stats-unassigned = No clerk
stats-no-ratings = No rating yet.
stats-satisfaction =
    { $count } ratings, average { $average } of 5
    { $scores }
stats-score-line = • { $score } ⭐: { $count }
stats-chart-caption = 📈 Pishkhan statistics chart — { $period }

## Statistics by source, the union's table, a period of days, repeat offenders

stats-period-range = { $since } to { $until }
stats-period-since = since { $since }
stats-period-until = until { $until }
stats-reversed =
    The period starts after it ends.
    { usage-stats }
stats-share-line = • { $label }: { $count } ({ $share })
stats-section-sources =
    <b>By source</b>
    { $lines }
stats-section-union =
    <b>The union's table</b> (source and membership, by status)
    { $lines }
stats-union-members = filed with the desk, against members of the union
stats-union-non-members = filed with the desk, against non-members
stats-union-referred = referred by other bodies
stats-union-statuses = { "  " }◦ { $statuses }
stats-status-count = { $status } { $count }
stats-offenders-head =
    🔁 <b>Businesses with the most complaints — { $period }</b>
    { $count } businesses: complaints, open, closed, violations found and referred to Taazirat
stats-offender-line = { $rank }. <b>{ $name }</b> ({ $business }): { $total } complaints — { $open } open, { $closed } closed, { $violations } violations found, { $judicial } referred to Taazirat
stats-offender-licence = licence { $number }
stats-offender-name = no licence or website
stats-offenders-empty = 🔁 No complaint was received in { $period }.
business-record = <b>The business's record over the last year:</b> { $total } other complaints — { $open } open, { $closed } closed, { $violations } violations found, { $judicial } referred to Taazirat
business-record-none = <b>The business's record over the last year:</b> no other complaint.
licence-record = 🔁 <b>Complaints about this business over the last year:</b> { $total } — { $open } open, { $closed } closed, { $violations } violations found, { $judicial } referred to Taazirat
licence-record-none = 🔁 <b>Complaints about this business over the last year:</b> none.

chart-title = Pishkhan statistics — { $period }
chart-last-months = Cases received in the last twelve months
chart-months = Cases received by month
chart-statuses = Cases by status
chart-subjects = Cases by subject
chart-provinces = Cases by province
chart-membership = Business's membership of the union
chart-member = Member
chart-non-member = Non-member
chart-sources = Cases by source
chart-deadlines = Deadlines
chart-first-on-time = First response in time
chart-first-late = First response late
chart-closed-on-time = Closed within Article 72
chart-closed-late = Closed after Article 72
chart-overdue-now = Past the step's deadline now
chart-breached-now = Past Article 72 now
chart-clerks = Clerks' load (now)
chart-clerk-open = In hand
chart-clerk-overdue = Overdue
chart-satisfaction = Citizens' satisfaction (score 1 to 5)

## Export (/export)

-export-usage = { usage-export }
export-unknown-filter =
    “{ $name }” is not a filter.
    { -export-usage }
export-repeated =
    “{ $name }” is given twice.
    { -export-usage }
export-missing-value =
    “{ $name }” has no value.
    { -export-usage }
export-bad-date =
    “{ $value }” is not a date; write it as 1405/09/01.
    { -export-usage }
export-reversed = The start date is after the end date.
export-bad-status =
    Unknown status “{ $value }”. Statuses: { $statuses }
    { -export-usage }
export-bad-format =
    Format “{ $value }” is not supported; write csv or xlsx.
export-empty = No case matches these filters.
export-too-large = The export is larger than a bot may send; choose a shorter period.
export-done = 📄 { $format } export of { $count } cases — { $filters }
export-done-part = 📄 { $format } export — part { $part } of { $parts }: rows { $first } to { $last } of { $count } cases — { $filters }
export-format-xlsx = Excel (XLSX)
export-format-csv = CSV
export-progress = ⏳ Preparing the { $format } export: { $done } of { $count } cases…
export-progress-done = ✅ The { $format } export of { $count } cases is ready; sending…
export-yes = yes
export-no = no
export-all = all cases
export-filter-from = from { $day }
export-filter-to = to { $day }
export-filter-status = status: { $status }
export-sheet-title = Cases
export-summary-sheet = Union table
export-summary-title = Complaints by source, membership and status — { $filters }
export-summary-source = Source
export-summary-count = Cases
export-summary-share = Share
export-summary-body = { "  " }◦ { $body }
export-summary-total = Total
export-column-code = Tracking code
export-column-status = Status
export-column-subject = Subject
export-column-business = Business
export-column-website = Website or app
export-column-licence = Licence number
export-column-member = Union member
export-column-province = Province
export-column-complainant = Complainant
export-column-phone = Complainant's mobile
export-column-description = Description
export-column-order_number = Order number
export-column-order_date_jalali = Order date
export-column-order_date = Order date (Gregorian)
export-column-amount = Amount (rials)
export-column-received_jalali = Received
export-column-received_iso = Received (Gregorian)
export-column-assignee = Clerk
export-column-due = Step due
export-column-due_date = Step due (Gregorian)
export-column-overall_due = Article 72 deadline
export-column-overall_due_date = Article 72 deadline (Gregorian)
export-column-overdue = Overdue
export-column-opinion = Commission's opinion
export-column-decided_jalali = Decided
export-column-decided = Decided (Gregorian)
export-column-reason = Reason of the decision
export-column-rating = Satisfaction score
export-column-closing = Why closed
export-column-source = Source
export-column-comment = Complainant's comment

## Search (/find)

find-usage = Usage: /find followed by a tracking code, a mobile number, a business name or words of the description; e.g. /find digikala
find-none = No case found.
find-results =
    🔎 <b>{ $count } cases found</b>
    { $lines }
find-line = • <code>{ $code }</code> — { $status } — { $business } — { $date }
find-more = There are more results; make the search narrower.

## Deadline settings (/sla)

sla-unknown-queue =
    Unknown queue “{ $name }”.
    { usage-sla }
sla-queue-complaints = complaints
sla-queue-licences = licences
sla-queue-certificates = technical certificates
sla-show =
    ⏱ <b>Deadlines of the { $queue } queue</b>
    { $lines }
    To change one, e.g.: /sla { $queue } commission=7
sla-line = • { $label }: { $value } (name: <code>{ $name }</code>)
sla-line-changed = • { $label }: <b>{ $value }</b> (name: <code>{ $name }</code>; the law's figure: { $default })
sla-show-certificates =
    ⏱ <b>Deadlines of the { $queue } queue</b>
    • Service time once the documents are complete (working days): { $days }
    This is the time the IT Organization publishes on its service desk, set in the desk's settings; the complaints commission's, Article 72's and Taazirat's deadlines do not apply to this queue.
sla-show-licences =
    ⏱ <b>Deadlines of the { $queue } queue</b>
    No deadline runs in this queue; the statutory deadlines are for complaints and technical certificates.
sla-certificates-fixed = The service time of technical certificates is published by the IT Organization and set in the desk's settings; /sla does not change it. To see it: /sla certificates
sla-licences-none = The licences queue has no deadline to change. See the complaints' deadlines with /sla complaints.
sla-changed = ✅ The deadlines of the { $queue } queue changed; the deadlines of { $moved } open cases were recomputed.
sla-setting-referral_working_days = Review and referral to the commission (working days)
sla-setting-commission_days = Commission's review (days)
sla-setting-decision_working_days = Union's decision after the opinion (working days)
sla-setting-overall_days = Article 72 overall deadline (days)
sla-setting-supervision_days = Supervision committee's review (days)
sla-setting-judicial_days = Taazirat's hearing (days)
event-sla_changed = Queue deadlines changed

## Satisfaction

rating-ask =
    🙏 Case <code>{ $code }</code> is closed. How satisfied are you with how it was handled?
    Choose from 1 (not at all) to 5 (completely).
rating-button = { $score } ⭐
rating-recorded = Your rating was recorded.
rating-thanks-comment =
    Thank you; your rating of case <code>{ $code }</code> was recorded.
    If you would like to add a comment, write it now; otherwise press “No comment”.
button-no-comment = No comment
rating-no-comment = Your rating was recorded without a comment. Thank you!
rating-thanks = Thank you; your rating of case <code>{ $code }</code> was recorded.
rating-already = Your rating of this case was already recorded; nothing was changed.
rating-not-yours = This survey is not yours.
rating-comment-saved = Your comment was recorded. Thank you!
event-rated = Complainant's satisfaction score
event-rating_comment = Complainant's comment on the handling
