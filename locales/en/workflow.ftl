### The complaint workflow, its deadlines and the staff side.

## Actions (buttons and history)

action-claim = 🙋 Take on the case
action-refer_to_commission = Refer to the complaints commission
action-refer_to_supervision = Refer to the supervision committee
action-record_opinion = Record the commission's opinion
action-close = Close the case
action-refer_to_judicial = Refer to Taazirat
action-agree = 🤝 Parties' agreement
action-void = Void
action-withdraw = Complainant withdraws
action-object = Complainant objects
action-reopen = Reopen
action-ask = ❓ Ask the complainant
action-note = 📝 Internal note

event-claim = Taken on by a clerk
event-refer_to_commission = Referred to the complaints commission
event-refer_to_supervision = Referred to the supervision committee
event-record_opinion = Commission's opinion recorded
event-close = Closed
event-refer_to_judicial = Referred to Taazirat
event-agree = The parties agreed; the case was closed
event-void = Voided
event-withdraw = Complainant withdrew
event-object = Complainant objected
event-reopen = Reopened
event-note = Internal note
event-assigned = Assigned to a clerk
event-asked = Question to the complainant
event-answered = Complainant's answer

opinion-violation = Violation found
opinion-no_violation = No violation found

closing-no_violation = no violation, in the commission's opinion
closing-supervision = the supervision committee's decision
closing-withdrawal = the complainant withdrew
closing-agreement = the parties' agreement
status-with-closing = { $status } ({ $closing })

step-referral = Review and referral to the commission (2 working days)
step-commission = Commission hearing (5 days)
step-decision = The union's decision (3 working days)
step-supervision = Supervision committee review
step-judicial = Taazirat hearing (two weeks)

role-citizen = complainant
role-clerk = clerk
role-admin = admin
role-system = system

## Messages to the citizen about their case

case-notice = 📣 <b>Case</b> <code>{ $code }</code>
case-notice-claimed = Your case has been assigned to a clerk and is under review.
case-notice-referred-commission = Your case has been referred to the complaints commission, which will hear you and the business.
case-notice-referred-supervision = Your case has been referred to the supervision committee. { $reason }
case-notice-commission-reviewed = The commission has given its opinion on your case; the union will decide within three working days.
case-notice-closed-no-violation = Your case has been reviewed and closed: { $reason }
    If you object to this decision, send /object { $code }.
case-notice-closed-by-supervision = Your case was closed after the supervision committee's review: { $reason }
    If you object to this decision, send /object { $code }.
case-notice-closed-by-agreement = Your agreement with the business has been recorded and the case is closed.
    Terms: { $reason }
    If you object to this agreement, say so with /object { $code }.
case-notice-referred-judicial = Your case has been sent to the Government Discretionary Punishments Organization (Taazirat), which hears it within two weeks.
case-notice-voided = Your case was voided: { $reason }
case-notice-withdrawn = Your withdrawal is recorded and the case is closed.
case-notice-objection-accepted = Your objection is recorded; the case goes to Taazirat.
case-notice-reopened = Your case has been reopened. { $reason }

## Refusals of the workflow

workflow-illegal = “{ $action }” is not possible while the case is “{ $from_status }”.
workflow-forbidden = You are not allowed to “{ $action }”.
workflow-needs-reason = A reason is required for this.
workflow-needs-opinion = Choose the commission's opinion first.
workflow-needs-opinion-first = The commission's opinion must be recorded before a decision.
workflow-opinion-is-violation = The commission found a violation: the case goes to Taazirat, it cannot be closed.
workflow-opinion-is-no-violation = The commission found no violation: the case is closed, not sent to Taazirat.
workflow-opinion-already-recorded = The commission's opinion is already recorded.
workflow-objection-after-withdrawal = The case was closed by your own withdrawal; it cannot be objected to.
workflow-objection-already-used = An objection to this case is already recorded.
workflow-objection-window-passed = The { $days }-day period to object to this decision has passed.
workflow-reopen-only-withdrawn = You can only reopen a case closed by your own withdrawal.
workflow-reopen-window-passed = The { $days }-day period to reopen this case has passed.

## Deadline settings

sla-unknown-setting =
    Unknown setting “{ $name }”. Names: { $settings }
    Usage: /sla QUEUE NAME=DAYS; for example: /sla complaints commission=7
sla-not-positive-integer = “{ $name }” must be a positive whole number, not “{ $value }”.
sla-too-large = “{ $name }” ({ $value }) is above the maximum ({ $max }).

## Alerts to staff

alert-notice =
    ⏰ <b>Deadline reminder</b> — <code>{ $code }</code> ({ $business })
    { $step } — status: { $status }
    Due: { $due } (about { $hours } hours left)
alert-breach =
    🚨 <b>Deadline passed</b> — <code>{ $code }</code> ({ $business })
    { $step } — status: { $status }
    Due: { $due }
alert-escalation =
    🔺 <b>Escalated: deadline passed more than { $late } hours ago</b> — <code>{ $code }</code> ({ $business })
    { $step } — status: { $status }
    Due: { $due }
digest =
    🗓 <b>Daily digest</b> — { $date }
    New cases (last 24 hours): { $new }
    Open cases: { $open }
    Due today: { $due_today }
    Past their deadline: { $breached }{ $clerks }{ $sessions }
digest-clerks =
    <b>By clerk:</b>
    { $lines }
digest-clerk-line = • { $clerk }: { $count }
digest-unassigned = unassigned

## The staff side

staff-history-line = • { $when } — { $event } ({ $role }) { $note }
staff-assigned-to-you = 📌 Case <code>{ $code }</code> ({ $business }) is assigned to you.
staff-case-not-found = No case with this code was found.
staff-status-missing = Write the new status too.
staff-opinion-missing = Write the commission's opinion too.
staff-person-missing = Name the clerk by their @username.
staff-status-unknown = Unknown status “{ $name }”.
staff-assigned = Case <code>{ $code }</code> is assigned to { $clerk }.
staff-stale = This button is out of date; the case is now “{ $status }” and nothing was changed.
staff-ask-prompt = Write your question to the complainant of case <code>{ $code }</code> as a reply to this message.
staff-note-prompt = Write the internal note for case <code>{ $code }</code> as a reply to this message.
staff-terms-prompt = Write the terms of the parties' agreement on case <code>{ $code }</code> as a reply to this message; once recorded, the case is closed.
staff-reason-prompt = Write the reason for “{ $action }” on case <code>{ $code }</code> as a reply to this message.
staff-opinion-choose = The commission's opinion on case <code>{ $code }</code>:
staff-moved = ✅ Case <code>{ $code }</code>: { $action } — status: { $status } (by { $who })
staff-question-sent = The question was sent to the complainant of case <code>{ $code }</code>.
staff-note-saved = Note saved on case <code>{ $code }</code>.
staff-citizen-answered =
    💬 <b>Complainant's answer</b> — <code>{ $code }</code>
    <b>Question:</b> { $question }
    <b>Answer:</b> { $answer }
staff-citizen-action = 👤 The complainant of case <code>{ $code }</code>: { $action } — status: { $status }

## The citizen's side

citizen-question =
    ❓ <b>A clerk's question about case</b> <code>{ $code }</code>
    { $question }
    Please write your answer as a reply to this message.
citizen-answer-sent = Your answer on case <code>{ $code }</code> reached the clerk.
citizen-answer-which = You have several unanswered questions; please reply to the question message itself.
citizen-withdraw-confirm = Do you withdraw your complaint, case <code>{ $code }</code>? The case will be closed.
citizen-object-confirm = Do you object to the decision on case <code>{ $code }</code>? The case will be sent to Taazirat.
citizen-action-usage = Add the tracking code, e.g. /withdraw 12345-67890
citizen-action-done = ✅ <b>Case</b> <code>{ $code }</code>
citizen-action-relayed = Your message reached the clerk too.
button-yes-withdraw = Yes, I withdraw
button-yes-object = Yes, I object
button-no = No
citizen-action-kept = Nothing was changed.
clock-starts = The office is closed now; work on your case starts { $when }.
track-step = <b>Current step:</b> { $step }

## Closures and holidays (admin)

holiday-added = The office is closed on { $day }; the deadlines of { $moved } open cases moved.
holiday-already = { $day } is already closed.
holiday-removed = The closure on { $day } is removed; the deadlines of { $moved } open cases were recomputed.
holiday-not-closed = { $day } is not a closure an admin added.
holiday-list =
    <b>Days off in the next { $days } days</b>
    { $lines }
holiday-line = • { $day } — { $name }
holiday-line-closure = • { $day } — office closure { $name }

## Roles, the staff list, bans

staff-only = This is for the desk's clerks and admins only.
admin-only = This is for the desk's admins only.
staff-list =
    <b>Clerks added by admins</b> (members of the staff chats are clerks too):
    { $lines }
staff-list-line = • { $who } — { $platform }
staff-added = { $who } is now a clerk.
staff-already = { $who } was already a clerk.
staff-removed = { $who } is no longer on the clerks' list.
staff-not-listed = { $who } was not on the clerks' list.
ban-self = You cannot ban yourself.
banned = { $who } is banned.
unbanned = { $who } is no longer banned.
ban-unchanged = Nothing changed for { $who }.
banned-notice = Your access to the desk is blocked because of abusive behaviour. Further messages will not be answered.
help-staff =
    <b>Clerk commands</b>
    /case CODE — a case, its history and the moves allowed
    /status CODE STATUS reason — change the status; e.g. /status 12345-67890 closed the parties settled
    /opinion CODE OPINION — the commission's opinion; e.g. /opinion 12345-67890 no violation
    /agree CODE terms — the parties' agreement, which closes the case; e.g. /agree 12345-67890 the seller refunds the amount
    /assign CODE @username — assign a case
    /find TEXT — search cases
    /respondent CODE TEXT — write to the respondent (a licensed business)
    /session CODE DATE TIME online LINK|at ADDRESS — the commission's session (move to reschedule, cancel to cancel)
    /cert CODE — certificate requests
    /refer — register a complaint referred by another body
    /receipt CODE — a case's printable receipt (a referred complaint's, addressed to its referring body)
    /licence NUMBER, WEBSITE or NAME — a business's licence and its complaints over the last year
    Each command given nothing else shows how it is used.
help-admin =
    <b>Admin commands</b>
    /stats — statistics and a chart
    /stats offenders PERIOD — the businesses with the most complaints
    /export — CSV and XLSX export
    /sla — deadlines of each queue, and changing them
    /holiday — office closures
    /staff — the clerks' list, adding and removing
    /ban and /unban — block a user and lift it

dead-letter =
    ⚠️ <b>A message could not be delivered</b>
    Kind: { $purpose } — to: { $target } — attempts: { $attempts }
    Reason: { $reason }
dead-letter-reason-blocked = The recipient has blocked the bot.
dead-letter-reason-gone = The recipient's account is deactivated or no longer exists.
dead-letter-reason-no-chat = The chat was not found: the recipient has not started the bot yet, or the chat's number in the settings is wrong.
dead-letter-reason-removed = The bot is not a member of this group, or may not send messages there.
dead-letter-reason-too-long = The messenger refused the message: its text was too long.
dead-letter-reason-markup = The messenger refused the message: its formatting was not valid.
dead-letter-reason-network = The messenger did not answer after several attempts.
dead-letter-reason-other = The message could not be sent; the technical details are in the system log.
staff-prompt-cancelled = Cancelled; nothing was recorded.
staff-chat-members-only = This is for the clerks who are members of this group only. If you are one of the desk's clerks, please ask an admin to add you to the clerks' list.

## The staff card, one for a case just filed and for /case

staff-card =
    { $heading } <code>{ $code }</code> — { $status }
    <b>Subject:</b> { $subject }
    <b>Business:</b> { $business } ({ $website })
    <b>Licence number:</b> { $licence }
    <b>Respondent:</b> { $respondent }
    { $record }
    <b>Complainant:</b> { $citizen } ({ $platform }) — { $phone }
    <b>Source:</b> { $source }
    <b>Clerk:</b> { $assignee }
    <b>Received:</b> { $received }
    <b>Step:</b> { $step } — due: { $step_due }
    <b>Commission session:</b> { $session }
    <b>Article 72 deadline:</b> { $overall_due }
    <b>Commission's opinion:</b> { $opinion }
    <b>Order number:</b> { $order_number }
    <b>Order date:</b> { $order_date }
    <b>Amount:</b> { $order_amount }
    <b>Attachments:</b> { $attachments }
    <b>Description:</b> { $description }
    <b>History:</b>
    { $history }
staff-card-new = 🆕 <b>New complaint</b> —
staff-card-seen = 📄 <b>Case</b>
