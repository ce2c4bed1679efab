### The two-way relay between a case's thread in its staff chat and the citizen.

## The case's thread in the staff chat

relay-topic-title = { $code } · { $subject } · { $status }
relay-to-staff =
    💬 <b>Message from the complainant</b> — <code>{ $code }</code>
    { $body }
relay-file-only = (file attached)
relay-complainant-absent = The complainant of this case is not on the desk yet (they have not verified the letter's mobile number); the message was not sent.
relay-sent-to-citizen = ✅ Sent to the complainant of case <code>{ $code }</code>.
relay-staff-case-ended = 🔒 <b>Case closed</b> — status “{ $status }” (since { $since })
relay-staff-case-ended-undated = 🔒 <b>Case closed</b> — status “{ $status }”
relay-undelivered =
    ⚠️ <b>Not delivered to the complainant</b> — <code>{ $code }</code>
    { $reason } The message will not be sent again.
relay-unreachable-blocked = The complainant has blocked the bot.
relay-unreachable-gone = The complainant's account is no longer available.
event-replied = Clerk's reply to the complainant
event-wrote = Message from the complainant
event-unreachable_blocked = Clerk's message not delivered: the complainant blocked the bot
event-unreachable_gone = Clerk's message not delivered: the complainant's account is gone

## The citizen's side

relay-to-citizen =
    💬 <b>The desk's clerk, about case</b> <code>{ $code }</code>
    { $body }
relay-sent-to-desk = Your message about case <code>{ $code }</code> reached the clerk.
relay-which-case = You have several open cases; which one is this message about?
relay-case-button = { $code } — { $business }
relay-ended-offer =
    Case <code>{ $code }</code> is “{ $status }”, so your message has not been passed to the clerk yet.
    If you wish, you can (with an objection or a reopening, your message reaches the clerk too):
relay-sent-after-end =
    Your message about case <code>{ $code }</code> reached the desk's clerk; thank you.
    This case is “{ $status }” and its handling has ended; your message does not reopen it.
    If you wish, you can:
relay-offer-object = Object to the decision
relay-offer-reopen = Reopen the case
relay-offer-new = File a new complaint about the same business
relay-file-too-large = This file is larger than 20 MB and cannot be passed on; please send a smaller one.
relay-not-carried = This kind of message is not passed on to the complainant; send a text, a photo or a file.
