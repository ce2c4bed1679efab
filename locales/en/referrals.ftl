### Complaints referred by other bodies: the staff's form, the import, the complainant.

## The referring bodies and a case's source

referral-body-ecommerce_center = the E-commerce Development Center
referral-body-industry_organization = the Industry, Mine and Trade Organization of { $name } province
referral-body-guilds_chamber = the Chamber of Guilds
referral-body-article52_inspectors = the Chamber of Guilds' inspectors (Article 52)
referral-body-other = { $name }
referral-button-ecommerce_center = E-commerce Development Center
referral-button-industry_organization = Industry, Mine and Trade Organization of …
referral-button-guilds_chamber = Chamber of Guilds
referral-button-article52_inspectors = Chamber of Guilds' inspectors (Article 52)
referral-button-other = Another body (named)
source-chat = filed in chat with the bot
source-referral = referred by { $body }, letter no. { $number } of { $date }
event-referred = Referred complaint registered
event-complainant_linked = The complainant verified their mobile number

## The staff's form (/refer)

referral-intro =
    📨 Registering a referred complaint. Write each answer as a reply to its question; /cancel drops the form.
    { usage-refer }
referral-resumed = Your referral form left open goes on from its step; send /cancel to drop it.
referral-cancelled = The referral form was dropped; nothing was registered.
referral-skip-hint = (If the letter does not give it, send -.)
referral-ask-body = <b>Step { $n } of { $total }</b>
    Which body referred the complaint?
referral-ask-body-name-industry_organization = <b>Step { $n } of { $total }</b>
    The Industry, Mine and Trade Organization of which province? Write the province, e.g. Isfahan
referral-ask-body-name-other = <b>Step { $n } of { $total }</b>
    Write the referring body's name as the letter gives it.
referral-ask-letter-number = <b>Step { $n } of { $total }</b>
    Write the letter's number as the letter prints it, e.g. 1234/S/1405
referral-ask-letter-date = <b>Step { $n } of { $total }</b>
    Write the letter's date, e.g. 1405/08/28. The statutory deadlines count from this date.
referral-ask-complainant-name = <b>Step { $n } of { $total }</b>
    Write the complainant's name as the letter gives it. { $skip }
referral-ask-complainant-mobile = <b>Step { $n } of { $total }</b>
    Write the complainant's mobile number, e.g. 09123456789. Once the complainant verifies this number on the desk, they see the case in “My cases” and are told of every change. { $skip }
referral-ask-business-name = <b>Step { $n } of { $total }</b>
    Write the name of the business complained about.
referral-ask-website = <b>Step { $n } of { $total }</b>
    Write its website or app, e.g. <code>example.ir</code> or a page like <code>@shop</code>.
referral-ask-licence = <b>Step { $n } of { $total }</b>
    Write its business licence number. { $skip }
referral-ask-subject = <b>Step { $n } of { $total }</b>
    Choose the subject of the complaint:
referral-ask-description = <b>Step { $n } of { $total }</b>
    Write the complaint as the letter describes it (at most { $max } characters).
referral-ask-order-number = <b>Step { $n } of { $total }</b>
    Write the order number. { $skip }
referral-ask-order-date = <b>Step { $n } of { $total }</b>
    Write the order date, e.g. 1405/08/25 { $skip }
referral-ask-order-amount = <b>Step { $n } of { $total }</b>
    Write the amount paid, e.g. 2,500,000 rials or 3 million tomans; without a unit it is taken as rials. { $skip }
referral-summary =
    <b>Referred complaint</b>
    <b>Referred by:</b> { $body }
    <b>Letter number:</b> { $number }
    <b>Letter date:</b> { $date }
    <b>Complainant:</b> { $complainant } — { $mobile }
    { $details }

    If this is right, press “Register the referred complaint”.
referral-button-confirm = ✅ Register the referred complaint
referral-button-cancel = Cancel
referral-registered =
    ✅ The referred complaint is registered.
    Tracking code: <code>{ $code }</code>
    The statutory deadlines count from { $clock }.
    { $complainant }
referral-complainant-found = The complainant had verified this mobile number on the desk before; they have been told of the case.
referral-complainant-awaited = Once the complainant verifies the letter's mobile number on the desk, the case is shown to them.
referral-receipt =
    🧾 <b>Receipt of a referred complaint</b>
    <b>To:</b> { $addressee }
    <b>In reply to:</b> letter no. { $number } of { $date }
    <b>Service:</b> { $service }
    <b>Complainant:</b> { $recipient }
    <b>Tracking number:</b> <code>{ $code }</code>
    <b>Registered:</b> { $when }
    <b>Amount taken:</b> { $amount }
    <b>Status:</b> { $status }
    —
    <b>Provider:</b> { $desk }
    <b>Licence number:</b> { $desk_licence }
    <b>Operator:</b> { $operator }
    <b>Address:</b> { $address }
referral-licence-invalid = A licence number has only digits and letters (and / or - where needed), e.g. 140012345. If the letter does not give it, send -.
referral-province-unknown = This province is unknown; write one of the 31 provinces, e.g. Isfahan or Razavi Khorasan.
referral-body-name-length = A body's name has 2 to { $max } characters.
referral-letter-number-invalid = A letter number has at least one digit and at most { $max } characters, e.g. 1234/S/1405
referral-letter-date-invalid = Write the date as year/month/day, e.g. 1405/08/28 or 2026-11-19.
referral-letter-date-future = The letter's date cannot be in the future.
referral-complainant-name-length = The complainant's name has 2 to { $max } characters.
referral-mobile-invalid = This mobile number is not valid; write it like 09123456789.

## The complainant

case-notice-referral-found =
    A complaint that { $body } referred to the union by letter no. { $number } has been registered in your name.
    Its status: { $status }. From now on you are told of every change; details: /track { $code }
my-cases-verify-offer = If another body (such as an Industry, Mine and Trade Organization or the Chamber of Guilds) sent your complaint to the union, share your mobile number with the “Share my mobile number” button to see your case here.

## Import of referred complaints from a spreadsheet (admins)

referral-import-send-file = To import referred complaints, please send the CSV or XLSX file of the letters to the bot in a private chat with the caption /refer import. A file whose header has the letter's columns (referring body, letter number, letter date and the complaint's columns) is recognised without it too.
referral-import-admin-only = Importing referred complaints is for the desk's admins only. To register one letter, send /refer.
referral-import-too-large = This file is larger than { $max } MB, which the bot cannot download. Please split it into parts and send them one by one.
referral-import-started = 📥 File received; importing the referred complaints…
referral-import-download-failed = The file could not be downloaded. Please send it again in a few minutes.
referral-import-progress =
    ⏳ Importing referred complaints…
    { $bar } { $percent }%
    { $done } of { $total } rows
referral-import-failed = ❌ <b>The file was not imported; nothing was written.</b> { $reason }
referral-import-report =
    ✅ <b>Referred complaint import finished.</b>
    Rows read: { $read }
    New cases: { $inserted }
    Registered before: { $unchanged }
    Rows rejected: { $rejected }
    Each new case's card goes to the complaints staff chat. Only complainants whose mobile number was verified on the desk before were told; the others see their case once they verify that number.
referral-import-rejections-title = <b>Rejected rows:</b>
referral-import-rejection-line = • Row { $row }, column “{ $column }”: { $reason }
referral-import-rejection-row-line = • Row { $row }: { $reason }
referral-import-more-rejections = … and { $n } more rejected { $count ->
        [one] row
       *[other] rows
    }.
referral-import-rejections-file = The rejected rows ({ $n }), each with its reason
referral-import-codes-file = The tracking codes of { $n } new cases, each beside its row of the file, to answer the referring bodies.
referral-import-codes-title = Tracking codes of the new cases:
referral-import-code-line = Row { $row }: { $code }
referral-import-csv-row = Row
referral-import-csv-column = Column
referral-import-csv-reason = Reason
referral-import-csv-code = Tracking code

referral-import-empty-file = The file is empty: the first row must hold the column titles, then one referred complaint per row.
referral-import-unreadable = The file could not be read: it is not a sound CSV or XLSX file.
referral-import-unsupported-format = The old Excel format (.xls) is not supported; save the file as XLSX or CSV.
referral-import-missing-columns =
    { $count ->
        [one] This required column is missing from the header row
       *[other] These required columns are missing from the header row
    }: { $columns }
referral-import-duplicate-column = The column “{ $column }” appears twice.
referral-import-missing-value = This cell is empty.
referral-import-too-long = This value is longer than { $max } characters.
referral-import-bad-date = The date “{ $value }” could not be read; write it in Jalali (1405/08/01) or Gregorian (2026-10-23).
referral-import-bad-body = The body “{ $value }” is unknown; write one of: E-commerce Development Center, Industry, Mine and Trade Organization of …, Chamber of Guilds, Article 52 inspectors, other.
referral-import-needs-name-industry_organization = An Industry, Mine and Trade Organization needs its province (after its name in this cell, or in the “body name or province” column).
referral-import-needs-name-other = An “other” body needs its name in the “body name or province” column.
referral-import-bad-subject = The subject “{ $value }” is unknown; write one of: chapter 8, article 5, article 13, other.
referral-import-bad-licence = A licence number has only digits and letters (and / or - where needed), e.g. 140012345. If the letter does not give it, leave the cell empty.
referral-import-duplicate-letter = The same letter about the same business appears again in row { $later_row }; the later row was imported.

## The printed receipt of a referred complaint, addressed to the referring body

referral-pdf-caption = 🖨 The printable receipt of referred complaint <code>{ $code }</code> for { $addressee }, in reply to letter no. { $number }: for the union's file and the reply to the letter.
referral-pdf-title = Receipt of a referred complaint
referral-pdf-to = To: { $addressee }
referral-pdf-field-letter = In reply to
referral-pdf-letter = letter no. { $number } of { $date }
referral-pdf-field-complainant = Complainant
referral-pdf-field-registered = Registered
referral-pdf-field-subject = Subject
referral-pdf-field-step = Statutory step
referral-pdf-field-step-due = Step deadline
referral-pdf-field-overall-due = Deadline (Article 72)
referral-pdf-field-status = Status
referral-pdf-verify = To check this receipt, send its tracking code to the Pishkhan bot with the command below, or open the link below. The case opens for the complainant, once they verify their mobile number on the desk, and for the union's staff.
referral-pdf-footer = Issued by the Pishkhan bot for the union's file and the reply to the referring body's letter; staff get it again with /receipt and the tracking code.
referral-import-staff-summary =
    📥 <b>{ $n } referred complaints registered from the file “{ $file }”.</b>
    Each case's card is in this chat. Each case's printable receipt, addressed to the referring body, is sent by /receipt and its tracking code; e.g. /receipt 12345-67890

## The business's province in the staff's form, when the registry does not know it

referral-ask-province = <b>Step { $n } of { $total }</b>
    In which province is the business? Write the province, e.g. Isfahan or Razavi Khorasan. { $skip }
