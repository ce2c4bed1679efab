### The parties of a complaint beside the complainant: the respondent, and the commission's session.

## The respondent

role-respondent = respondent
command-respondent = message a case's respondent
respondent-told =
    ⚖️ <b>A complaint about your business was filed with the union</b>
    <b>Business licence:</b> { $business } (number { $licence })
    <b>Tracking code:</b> <code>{ $code }</code>
    <b>Subject:</b> { $subject }
    { $complainant }<b>The complaint:</b>
    { $description }

    To answer, reply to this message (text, photo or file); your answer reaches the union's clerk. See the complaints about your licences with /mycases.
respondent-complainant =
    <b>Complainant:</b> { $name }
relay-to-staff-respondent =
    🏢 <b>From the respondent</b> ({ $business }) — <code>{ $code }</code>
    { $body }
relay-to-respondent =
    💬 <b>A message from the union's clerk about complaint</b> <code>{ $code }</code> ({ $business })
    { $body }
    To answer, reply to this message.
respondent-usage =
    Usage: /respondent CODE your message
    or in the case's thread: /respondent your message
    e.g. /respondent 12345-67890 Please send the order's invoice.
respondent-sent = ✅ Sent to the respondent of case <code>{ $code }</code>.
respondent-not-on-desk = The respondent of case <code>{ $code }</code> is not on the desk (the complaint names no licence of the registry, or its holder has not verified their mobile number here yet); nothing was sent.
staff-respondent-unknown = the complaint names no licence of the registry
staff-respondent-on-desk = { $business } (licence { $licence }, { $holder }) — on the desk; write with /respondent
staff-respondent-off-desk = { $business } (licence { $licence }, { $holder }) — not on the desk; told once they verify their mobile number
event-respondent_told = the respondent was told
event-respondent_wrote = message from the respondent
event-asked_respondent = clerk's message to the respondent
my-cases-against =
    <b>Complaints about your business</b> ({ $count })
    { $groups }
my-cases-against-licence =
    <b>{ $business }</b> (licence { $licence }):
    { $lines }
my-cases-against-line = • <code>{ $code }</code> — { $subject } — { $status } — { $date }

## The commission's session (Article 6)

command-session = a case's commission session
session-usage =
    How to use /session:
    • in person: /session CODE DATE TIME at ADDRESS
    • online: /session CODE DATE TIME online LINK
    • reschedule: /session CODE move DATE TIME (and a new place if needed)
    • cancel: /session CODE cancel
    e.g. /session 12345-67890 1405/09/20 10:30 online https://meet.example.ir/room
    The date is Jalali and the time Tehran's.
session-refused-when = The session's date or time could not be read; write the Jalali date like 1405/09/20 and the time like 10:30.
session-refused-past = That time has passed; a session must be in the future.
session-refused-holiday = That day is an official holiday ({ $name }); please choose another working day.
session-refused-weekend = That day is a weekend or the office is closed; please choose another working day.
session-refused-hours = That time is outside office hours; a session must start from { $open } and before { $close }.
session-refused-link = An online session's link must be a full address starting with https:// or http://.
session-refused-address = Write the in-person session's full address.
session-refused-ended = This case has ended; no session is scheduled for it.
session-none = No session is scheduled for this case.
session-exists = A session is scheduled for this case on { $when }; use move to reschedule it or cancel to cancel it.
session-respondent-told = Both the complainant and the respondent were invited.
session-respondent-not-told = The complainant was invited; the respondent is not on the desk and must be invited another way.
session-scheduled-staff = ✅ The commission's session for case <code>{ $code }</code> is set for { $when }. { $respondent }
session-moved-staff = ✅ The commission's session for case <code>{ $code }</code> moved to { $when }. { $respondent }
session-cancelled-staff = ✅ The commission's session for case <code>{ $code }</code> ({ $when }) is cancelled and both parties were told.
session-mode-in_person = in person
session-mode-online = online
session-note-in_person = { $when }, in person at { $place }
session-note-online = { $when }, online: { $place }
session-line = { $note } — complainant: { $complainant }; respondent: { $respondent }
session-line-none = not scheduled
session-answer-none = no answer
session-answer-confirmed = confirmed
session-answer-another_time = asked for another time
session-party-complainant = the complainant
session-party-respondent = the respondent
session-button-confirmed = ✅ I confirm I will attend
session-button-another_time = 🕑 I need another time
session-place-in_person = <b>Place:</b> { $place }
session-place-online = <b>Online session:</b> { $place }
session-invite =
    ⚖️ <b>Invitation to the complaints commission's session</b>
    Case <code>{ $code }</code> — you are invited as { $party }.
    <b>When:</b> { $when }
    { $place }
    Please confirm you will attend, or ask for another time if this one is not possible for you.
session-moved =
    🕑 <b>The commission's session was rescheduled</b>
    Case <code>{ $code }</code> — you are invited as { $party }.
    <b>New time:</b> { $when }
    { $place }
    Please confirm again, or ask for another time.
session-cancelled =
    ❌ <b>The commission's session is cancelled</b>
    The session of case <code>{ $code }</code> on { $when } will not take place. If a new time is set, we will tell you.
session-reminder-day =
    ⏰ <b>Reminder: your commission session is tomorrow</b>
    Case <code>{ $code }</code> — { $when }
    { $place }
session-reminder-hours =
    ⏰ <b>Reminder: your commission session is in two hours</b>
    Case <code>{ $code }</code> — { $when }
    { $place }
session-answered-confirmed = ✅ Your attendance at the commission's session for case <code>{ $code }</code> is recorded; thank you.
session-answered-another_time = Your request for another time for the session of case <code>{ $code }</code> reached the clerk. If you have a suitable time in mind, write it here.
session-staff-confirmed = ✅ { $party } confirmed attending the commission's session of case <code>{ $code }</code> ({ $when }).
session-staff-another_time = 🕑 { $party } asked for another time for the commission's session of case <code>{ $code }</code> ({ $when }).
event-session_scheduled = commission session scheduled
event-session_moved = commission session rescheduled
event-session_cancelled = commission session cancelled
event-session_confirmed = attendance at the commission session confirmed
event-session_another_time = another time asked for the commission session
story-session_scheduled = the commission's session was scheduled
story-session_moved = the commission's session was rescheduled
story-session_cancelled = the commission's session was cancelled
digest-sessions =
    <b>Today's commission sessions</b> ({ $count }):
    { $lines }
digest-session-line = • { $time } — <code>{ $code }</code> — { $business } ({ $place })
action-respondent = 🏢 Message the respondent
staff-respondent-prompt = Write your message to the respondent of case <code>{ $code }</code> as a reply to this message.
