### The staff's and admins' desk: the names they may type, how each command is used, people.

## Other names staff may type (comma-separated; the first is the one shown to type)

names-status-awaiting_review = awaiting review
names-status-in_progress = in progress
names-status-referred_commission = commission
names-status-referred_supervision = supervision
names-status-referred_judicial = taazirat, judicial
names-status-voided = void, voided
names-status-closed = closed
names-opinion-violation = violation
names-opinion-no_violation = no violation, none
names-queue-complaints = complaints
names-queue-licences = licences, licenses
names-queue-certificates = certificates
names-setting-referral_working_days = referral
names-setting-commission_days = commission
names-setting-decision_working_days = decision
names-setting-overall_days = overall
names-setting-supervision_days = supervision
names-setting-judicial_days = taazirat, judicial
names-cert-submitted = submitted
names-cert-documents_incomplete = missing
names-cert-under_review = review
names-cert-awaiting_fee = fee
names-cert-issued = issue, issued
names-cert-rejected = reject, rejected

## People as staff see them

person-name = { $name } (@{ $username })
person-unknown = unknown { $platform } user (id { $id })

## How each command is used (each with an example)

usage-case = Usage: /case and the case's tracking code; for example: /case 12345-67890
usage-status =
    Usage: /status CODE STATUS REASON; for example: /status 12345-67890 closed the parties settled
    Statuses: { $statuses }
usage-opinion =
    Usage: /opinion CODE OPINION; for example: /opinion 12345-67890 no violation
    Opinions: { $opinions }. Only an admin may correct an opinion already recorded, with a reason; for example: /opinion 12345-67890 violation the commission's corrected minutes
usage-agree = Usage: /agree CODE TERMS, the parties' agreement, which closes the case; without the terms they are asked for. For example: /agree 12345-67890 the seller refunds the amount by the end of the week
usage-refer = Usage: /refer alone for a complaint another body referred, asked question by question; an admin sends a CSV or XLSX file of letters with the caption /refer import. For example: /refer import
usage-assign = Usage: /assign CODE @username; for example: /assign 12345-67890 @ali
usage-find = Usage: /find and a tracking code, a mobile number, a business name or words of the complaint; for example: /find digikala
usage-cert =
    Usage: /cert CODE to see a certificate request, or /cert CODE STATUS to change it; for example: /cert 23456-78901 review
    Statuses: "review", "fee", "issue" with the certificate's address, "reject" with a reason, "missing" with a date and the documents; for example: /cert 23456-78901 missing 1405/09/15 company registration; technical documents
    A new request: /cert new PHONE | PRODUCT | APPLICANT; for example: /cert new 09121234567 | Sales system | Maryam Rezaei
usage-stats = Usage: /stats for the figures of all cases with their chart; or with a period: /stats this month, /stats last month, /stats this year, a year such as /stats 1405, a month such as /stats 1405/09 and /stats Azar 1405, or days such as /stats from 1405/07/01 to 1405/08/30. The businesses with the most complaints of a period: /stats offenders followed by the period, such as /stats offenders this year. For example: /stats last month
usage-export = Usage: /export from DATE to DATE status NAME format csv or xlsx; every part is optional, and /export alone sends all cases as XLSX. For example: /export from 1405/01/01 to 1405/06/31 status closed format csv
usage-sla =
    Usage: /sla QUEUE to see its deadlines, or /sla QUEUE NAME=DAYS to change them; for example: /sla complaints commission=7
    Queues: { $queues }
    Names: { $settings }
usage-holiday = Usage: /holiday to list the days off, /holiday add 1405/09/10 REASON, or /holiday remove 1405/09/10; for example: /holiday add 1405/09/10 building repairs
usage-staff = Usage: /staff to list the clerks, /staff add @username, or /staff remove @username; for example: /staff add @ali
usage-ban = Usage: /ban @username to ban someone and /unban @username to lift it; for example: /ban @spammer

## What a command was given that it could not use

staff-refer-unknown = /refer takes nothing after it but “import”, not “{ $text }”.
staff-not-a-code = "{ $text }" is not a tracking code.
staff-case-unknown = No case has the code { $code }.
cert-unknown = No certificate request has the code { $code }.
staff-status-illegal = Case { $code } is { $from_status } and cannot go to "{ $to_status }" from there.
staff-status-allowed =
    You may now:
    { $moves }
staff-status-allowed-none = No change of status is open to you now.
staff-move-to = <code>/status { $code } { $status }</code>
staff-move-opinion = <code>/opinion { $code } OPINION</code>
staff-move-agree = <code>/agree { $code } TERMS</code>
staff-opinion-unknown = The opinion "{ $name }" is not known.
staff-person-unknown = We do not know "{ $who }"; they must have written to the bot once.
staff-button-gone = This button no longer applies; the case's buttons have been updated.
command-word-unknown = "{ $name }" is not known.

## Verbs of the admin commands

names-verb-list = list
names-verb-add = add
names-verb-remove = remove
names-verb-new = new

## The case's history

history-deadline-changed = { $setting } from { $before } to { $after }
event-closure_added = Office closed; the case's deadline moved
event-closure_removed = Closure lifted; the case's deadline recomputed

## What an undelivered message was for (the admins' alert)

dead-letter-target = { $platform }, chat { $chat }
purpose-receipt = complaint receipt
purpose-staff-card = case card for the staff
purpose-staff-card-description = full description for the staff
purpose-staff-attachment = case attachment for the staff
purpose-staff-topic = case topic in the staff group
purpose-staff-topic-title = case topic's title
purpose-case-notice = case news for the complainant
purpose-staff-notice = case news for the staff
purpose-assigned = case assigned to a clerk
purpose-question = clerk's question to the complainant
purpose-relay-reply = clerk's reply to the complainant
purpose-relay-answer = complainant's answer to the clerk
purpose-relay-citizen = complainant's message to the staff
purpose-relay-undelivered = notice of an undelivered message
purpose-rating-request = satisfaction survey
purpose-cert-status = certificate request news
purpose-cert-documents = certificate documents reminder
purpose-cert-breach = certificate deadline passed
purpose-alert = deadline reminder
purpose-alert-fallback = deadline reminder in the staff group
purpose-dead-letter = undelivered-message alert
purpose-digest = daily digest
purpose-licence-renewal = licence renewal reminder
purpose-unknown = another message

## A certificate request's move that cannot be made

cert-illegal-allowed = This change of status is not possible for this request. You may now: { $statuses }; for example: /cert 23456-78901 review
cert-illegal-final = This request has ended; its status no longer changes.
