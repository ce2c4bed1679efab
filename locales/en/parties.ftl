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
