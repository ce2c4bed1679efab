### Software technical certificate requests.

cert-status-submitted = Submitted
cert-status-documents_incomplete = Documents incomplete
cert-status-under_review = Under review
cert-status-awaiting_fee = Awaiting the fee
cert-status-issued = Issued
cert-event-imported = Registered from the union's list; status:
cert-status-rejected = Rejected

cert-move-documents_incomplete = 📄 Documents incomplete
cert-move-under_review = 🔍 Start the review
cert-move-awaiting_fee = 💳 Ask for the fee
cert-move-issued = ✅ Issue the certificate
cert-move-rejected = ✖️ Reject

cert-details =
    <b>Software technical certificate request</b> <code>{ $code }</code>
    <b>Product:</b> { $product }
    <b>Applicant:</b> { $applicant }
    <b>Status:</b> { $status }
    <b>Submitted:</b> { $submitted }
    <b>Due:</b> { $due }
    { $extra }
cert-missing =
    <b>Missing documents:</b>
    { $documents }
    <b>Send them by:</b> { $due }
cert-missing-line = • { $document }
cert-fee = <b>Fee:</b> { $amount } rials, paid to the government account online or in person.
cert-issued-link = <b>Public address of the certificate:</b> { $link }
cert-rejected-reason = <b>Reason:</b> { $reason }
    If you dispute this result, file a complaint with /dispute and the tracking code.
cert-notice =
    📣 Your request has changed.
    { $details }
cert-documents-reminder =
    ⏰ Reminder: the deadline for the missing documents is near.
    { $details }
cert-breach =
    🚨 <b>A certificate request is past its service time</b>
    { $details }
cert-staff-card =
    { $details }
    <b>Applicant's phone:</b> { $phone }
cert-created =
    ✅ Request registered.
    { $details }
    <b>Applicant's phone:</b> { $phone }
cert-moved =
    ✅ Request updated.
    { $details }
    <b>Applicant's phone:</b> { $phone }
cert-illegal = This change is not possible for this request.
cert-needs-missing = A list of missing documents and a future due date are needed, e.g. 1405/09/15 company registration; technical documents
cert-needs-link = The public address of the issued certificate is needed, e.g. https://example.ir/cert/123
cert-needs-reason = A reason for the rejection is needed.
cert-bad-phone = The applicant's phone number is not valid.
cert-new-usage = Usage: /cert new PHONE | PRODUCT | APPLICANT NAME; for example: /cert new 09121234567 | Sales system | Maryam Rezaei
cert-not-found = No request with this code was found.
cert-prompt-link = Write the public address of the certificate for request <code>{ $code }</code> as a reply to this message.
cert-prompt-reason = Write the reason for rejecting request <code>{ $code }</code> as a reply to this message.
cert-prompt-missing = Write the due date and the missing documents of request <code>{ $code }</code> as a reply, e.g. 1405/09/15 company registration; technical documents
cert-dispute-business = Information Technology Organization of Iran (software technical certificate)
cert-dispute-usage = Add the tracking code of the certificate request, e.g. /dispute 23456-78901
cert-dispute-intro = Let us file a complaint about request <code>{ $code }</code>; it will be linked to that request.
track-certificate =
    { $details }
    <b>History:</b>
    { $history }
    To complain about this request: /dispute { $code }

## Import of certificate requests from a spreadsheet (admins)

cert-import-send-file = To import certificate requests, please send their CSV or XLSX file to the bot in a private chat with the caption /cert import. A file whose header has the request columns (applicant name, applicant mobile, product name, status, submitted date) is recognised without it too.
cert-import-admin-only = Importing certificate requests is for the desk's admins only. If you have a file to import, please send it to one of them.
cert-import-too-large = This file is larger than { $max } MB, which the bot cannot download. Please split it into parts and send them one by one.
cert-import-started = 📥 File received; importing the software certificate requests…
cert-import-download-failed = The file could not be downloaded. Please send it again in a few minutes.
cert-import-progress =
    ⏳ Importing certificate requests…
    { $bar } { $percent }%
    { $done } of { $total } rows
cert-import-failed = ❌ <b>The file was not imported; nothing was written.</b> { $reason }
cert-import-report =
    ✅ <b>Certificate request import finished.</b>
    Rows read: { $read }
    New requests: { $inserted }
    Updated requests: { $updated }
    Unchanged requests: { $unchanged }
    Rows rejected: { $rejected }
    No applicant was messaged; each can follow their request with /track and its tracking code from an account with their verified mobile number.
cert-import-rejections-title = <b>Rejected rows:</b>
cert-import-rejection-line = • Row { $row }, column “{ $column }”: { $reason }
cert-import-more-rejections = … and { $n } more rejected { $count ->
        [one] row
       *[other] rows
    }.
cert-import-rejections-file = The rejected rows ({ $n }), each with its reason
cert-import-codes-file = The tracking codes of { $n } new requests, each beside its row of the file; please pass them on to the applicants.
cert-import-codes-title = Tracking codes of the new requests:
cert-import-code-line = Row { $row }: { $code }
cert-import-csv-row = Row
cert-import-csv-column = Column
cert-import-csv-reason = Reason
cert-import-csv-code = Tracking code

cert-import-empty-file = The file is empty: the first row must hold the column titles, then one request per row.
cert-import-unreadable = The file could not be read: it is not a sound CSV or XLSX file.
cert-import-unsupported-format = The old Excel format (.xls) is not supported; save the file as XLSX or CSV.
cert-import-missing-columns =
    { $count ->
        [one] This required column is missing from the header row
       *[other] These required columns are missing from the header row
    }: { $columns }
cert-import-duplicate-column = The column “{ $column }” appears twice.
cert-import-missing-value = This cell is empty.
cert-import-too-long = This value is longer than { $max } characters.
cert-import-bad-date = The date “{ $value }” could not be read; write it in Jalali (1405/08/01) or Gregorian (2026-10-23).
cert-import-bad-code = “{ $value }” is not a certificate request's tracking code; leave the cell empty for a new request.
cert-import-unknown-code = No request has the tracking code { $value }; leave the cell empty for a new request.
cert-import-bad-phone = The mobile number “{ $value }” is not valid; write it like 09123456789.
cert-import-bad-status = The status “{ $value }” is unknown; write one of submitted, documents incomplete, under review, awaiting fee, issued, rejected.
cert-import-submitted-in-future = The submitted date “{ $value }” is in the future.
cert-import-bad-fee = The fee “{ $value }” is not a number of rials; write it like 100,000.
cert-import-needs-link = An issued request needs the certificate's public link.
cert-import-bad-link = “{ $value }” is not a valid web address; write it like https://example.ir/cert/123.
cert-import-needs-reason = A rejected request needs the reason for the rejection.
cert-import-needs-missing = A request with incomplete documents needs the list of missing documents (separated by ;).
cert-import-needs-documents-due = A request with incomplete documents needs the date the documents are due.
cert-import-documents-due-past = The documents' due date “{ $value }” has passed; write a date in the future.
cert-import-duplicate-request = The same request appears again in row { $later_row }; the later row was imported.
cert-import-illegal-move = This request is “{ $before ->
        [submitted] submitted
        [documents_incomplete] documents incomplete
        [under_review] under review
        [awaiting_fee] awaiting the fee
        [issued] issued
       *[rejected] rejected
    }” at the desk and cannot move to this status; an issued or rejected request no longer changes.
