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
cert-fee =
    <b>Fee:</b> { $amount } rials ({ $toman } toman)
    <b>How to pay:</b> online only, by bank card, through the Shaparak payment gateway (licensed by the Central Bank) on the IT Organization of Iran's service desk, to the government account. No cash is accepted and the desk takes no money.
cert-issued-link = <b>Public address of the certificate:</b> { $link }
cert-rejected-reason = <b>Reason:</b> { $reason }
# What the applicant is told: what happened, the request, and what comes next.
cert-notice =
    { $heading }
    { $details }
    { $next }
cert-notice-submitted = 📥 <b>Your software technical certificate request is registered.</b> Its tracking code is <code>{ $code }</code>.
cert-notice-documents_incomplete = 📄 <b>The documents of request <code>{ $code }</code> are incomplete.</b>
cert-notice-under_review = 🔍 <b>The review of request <code>{ $code }</code> has started.</b>
cert-notice-awaiting_fee = 💳 <b>The review of request <code>{ $code }</code> is over; the fee is due.</b>
cert-notice-issued = ✅ <b>The certificate of request <code>{ $code }</code> is issued.</b>
cert-notice-rejected = ✖️ <b>Request <code>{ $code }</code> was rejected.</b>
cert-documents-reminder = ⏰ <b>Reminder: the documents of request <code>{ $code }</code> are due soon.</b>
cert-next-submitted = Next: the staff check your documents. If one is missing, we send the list and its deadline here. The due date is the time the organization publishes for issuing. To follow it: /track { $code }
cert-next-documents_incomplete = Send them here: tap «{ cert-button-send-documents }» and send each document as a photo or a file. The service time starts again once the documents are complete.
cert-next-under_review = Next: after the review we tell you the fee, or anything else needed, here. To follow it: /track { $code }
cert-next-awaiting_fee = To pay, tap «{ cert-button-pay }» (or go to { $url }). Once paid, tap «{ cert-button-paid }» so that the staff check the payment and issue the certificate.
cert-next-issued = The certificate is published for public access at the address above.
cert-next-rejected = If you dispute this result, file a complaint with /dispute { $code }.
cert-button-send-documents = 📎 Send documents
cert-button-pay = 💳 Pay online
cert-button-paid = ✅ I have paid
cert-button-documents-done = ✅ Done
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
cert-event-document = Document sent: { $name }
cert-event-document-unnamed = Photo of a document sent
cert-event-documents_sent = Documents complete
cert-event-fee_reported = The applicant reported paying the fee

## The applicant sends documents and says the fee is paid

cert-documents-ask-list =
    📎 Send the documents of request <code>{ $code }</code> here, each as a photo or a file (a PDF, say):
    { $documents }
    <b>Due by:</b> { $due }
    When all are sent, tap «{ cert-button-documents-done }».
cert-documents-ask = 📎 Send the documents of request <code>{ $code }</code> here as photos or files. When all are sent, tap «{ cert-button-documents-done }».
cert-document-received = ✅ File { $n } of request <code>{ $code }</code> went to the certificate staff. Send the next document, or tap «{ cert-button-documents-done }» if that was all.
cert-documents-not-file = Send the documents of request <code>{ $code }</code> as photos or files. If that was all, tap «{ cert-button-documents-done }»; to stop: /cancel
cert-documents-none-yet = You have sent no file for request <code>{ $code }</code> yet. Send the documents as photos or files; to stop: /cancel
cert-documents-done = ✅ { $count ->
        [one] One file
       *[other] { $n } files
    } of request <code>{ $code }</code> reached the staff. We will tell you the result here after the review.
cert-documents-done-already = The documents of request <code>{ $code }</code> were finished already. If you have another one, send it here.
cert-documents-closed = Request <code>{ $code }</code> is «{ $status }» and takes no more documents.
cert-documents-which = Which request is this file for? Choose it, and the file goes to its staff.
cert-request-button = { $code } — { $product }
cert-file-too-large = This file is larger than 20 MB and cannot be sent; please send a smaller file or split it.
cert-paid-recorded = ✅ Your word that you paid for request <code>{ $code }</code> reached the certificate staff. Once the payment is confirmed the certificate is issued, and we send you its public address here.
cert-paid-already = You have reported the payment of request <code>{ $code }</code> already; the staff are checking it.
cert-paid-not-awaiting = Request <code>{ $code }</code> is «{ $status }» now and is not awaiting its fee.
cert-staff-document = 📎 The applicant's document for request <code>{ $code }</code> ({ $product })
cert-staff-document-said =
    📎 The applicant's document for request <code>{ $code }</code> ({ $product })
    The applicant wrote: { $words }
cert-staff-documents-sent = 📨 The applicant has sent the documents of request <code>{ $code }</code> ({ $product }): { $n } files. After checking them, move the request with the buttons below.
cert-staff-paid = 💳 The applicant of request <code>{ $code }</code> ({ $product }) reports paying the fee ({ $amount } rials). Once the payment is confirmed, issue the certificate with «{ cert-move-issued }».

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
cert-import-rejection-row-line = • Row { $row }: { $reason }
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
