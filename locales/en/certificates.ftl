### Software technical certificate requests.

cert-status-submitted = Submitted
cert-status-documents_incomplete = Documents incomplete
cert-status-under_review = Under review
cert-status-awaiting_fee = Awaiting the fee
cert-status-issued = Issued
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
cert-new-usage = Usage: /cert new PHONE | PRODUCT | APPLICANT NAME
cert-usage = Usage: /cert CODE [review | fee | issue LINK | reject REASON | missing DATE doc1; doc2]
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
