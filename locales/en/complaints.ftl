## The complaint form

complaint-intro = Let us file your complaint. You can leave at any step with /cancel; your answers are kept until you file.
draft-resume-or-restart = You have an unfinished complaint. Continue it or start over?
form-step = <b>Step { $n } of { $total }</b>
form-step-edit = <b>Changing an answer</b>
form-step-name = “{ $step }”
form-path-fewer = { $steps } no longer needed; your form now has { $total } steps.
form-path-more = { $steps } now needed as well; your form now has { $total } steps.
form-path-fewer-edit = With this answer, { $steps } no longer needed.
form-path-more-edit = With this answer, { $steps } will be asked as well.
form-prefilled =
    These answers are known already and will not be asked again:
    { $lines }
    If anything is wrong, press “Edit” on the summary at the end.
form-prefilled-line = • { $field }: { $value }
form-registry-found = ℹ️ This business is in the union's licence registry: “{ $business }”, licence number { $number }, province { $province }.
form-amount-taken = ✔️ Amount: { $amount }
form-amount-assumed = ✔️ Amount: { $amount }; no unit was written, so tomans were assumed. If you meant rials, press “Edit” on the summary at the end.
form-date-taken = ✔️ Order date: { $day }
ask-business-name = { $step }
    Write the name of the business you are complaining about.
ask-website = { $step }
    Send its website or app address, e.g. example.ir, https://www.example.ir or a page name like @shop
ask-licence = { $step }
    If you know its business licence number, write it; otherwise press “Skip”.
ask-province = { $step }
    In which province is this business? Choose it or write its name; if you do not know, press “Skip this step”.
ask-subject =
    { $step }
    Which is your complaint closest to?

    { $choices }

    If you are not sure, choose the closest; an expert reviews the subject.
subject-choice = • <b>{ $label }</b>: { $examples }
ask-description = { $step }
    Describe what happened and what you ask for (at most { $max } characters).
ask-order-number = { $step }
    If you placed an order, write its order number.
ask-order-date = { $step }
    Write the order date, e.g. 1405/8/25, 25 Aban 1405, 25 Aban, yesterday or 3 days ago.
ask-order-amount = { $step }
    Write the amount you paid, e.g. 3 million tomans, 2.5 million tomans or 2,500,000 rials. Without a unit, tomans are assumed.
ask-attachments = { $step }
    Send any screenshots, receipts or files you have (at most { $max }). Press “Done” when finished.
ask-contact = { $step }
    To follow up, share your own mobile number with the “Share my mobile number” button.
complaint-summary =
    <b>Your complaint</b>
    { $details }

    If everything is right, press “Confirm and file”.
complaint-details =
    <b>Business:</b> { $business }
    <b>Website or app:</b> { $website }
    <b>Licence number:</b> { $licence }
    <b>Province:</b> { $province }
    <b>Subject:</b> { $subject }
    <b>Description:</b> { $description }
    <b>Order number:</b> { $order_number }
    <b>Order date:</b> { $order_date }
    <b>Amount:</b> { $order_amount }
    <b>Attachments:</b> { $attachments }
edit-choose = Which part would you like to edit?
complaint-filed =
    ✅ Your complaint has been filed.
    Tracking code: <code>{ $code }</code>
    Your receipt is on its way.

## Validation of answers

form-business-name-too-short = The business name is too short; write at least { $min } characters.
form-business-name-too-long = The business name is too long ({ $length } characters); at most { $max }.
form-website-invalid = This address is not valid. Send it like example.ir or https://example.ir, or a page name like @shop.
form-licence-invalid = A licence number has only digits and letters (and / or - where needed), e.g. 140012345. If you do not know it, press “Skip”.
form-description-too-short = The description is too short; write at least { $min } characters so an expert can review it.
form-description-too-long = The description has { $length } characters and at most { $max } are accepted. Please shorten it; you can attach details as a file.
form-order-number-too-short = Write the order number, or press “There was no order”.
form-order-number-too-long = The order number is too long ({ $length } characters); at most { $max }.
form-order-date-invalid = I could not read this date. Please write it like 1405/8/25, 25 Aban 1405, 25 Aban, yesterday or 3 days ago.
form-order-date-no-such-day = There is no such day in the calendar; Mehr has 30 days, and Esfand 29 in a common year. Please check the date.
form-order-date-future = The order date cannot be in the future; today is { $today }. If you meant last year, please write the year too.
form-order-amount-invalid = I could not read this amount. Please write it like 3 million tomans, 2.5 million tomans, 3 million and 500 thousand tomans or 2,500,000 rials.
form-order-amount-not-positive = Please write an amount above zero; if you paid nothing, press “Skip this step”.
form-order-amount-too-large = This amount is far too large; please check the digits.
form-order-amount-two-units = This amount has both rials and tomans; please write only one.
form-order-amount-fraction = The amount must be at least one rial, without fractions of a rial; please write it again.
form-province-choose = I could not find that name among the provinces. Please choose the province with the buttons or write its full name; if you do not know, press “Skip this step”.
form-text-expected = Please write your answer as text at this step.
form-choose-button = Please choose one of the buttons.

## Attachments

attachment-received = File { $count } of { $max } received. Send another, or press “Done”.
attachment-limit = At most { $max } files are accepted.
attachment-limit-reached = { $max } files received, the most allowed.
attachment-duplicate = You have already sent this file.
attachment-too-large = This file is larger than 20 MB; please send a smaller one.
attachment-expected = Only photos or files are accepted at this step. If you have none, press “Done”.

## Contact

contact-not-own = This number does not belong to your account. Please share your own number with the “Share my mobile number” button.
contact-invalid = This number cannot be used. Please share it again with the button.
contact-verified = ✅ Your mobile number is verified.
contact-verified-in-form = ✅ Your mobile number is verified; we will not ask for it again.
contact-verified-enables =
    ✅ <b>Your mobile number is verified.</b> With it:
    { $lines }
contact-enables-complaints = • your complaints on Telegram and Bale are listed together in /mycases, and the complaint form no longer asks for your number.
contact-enables-requests = • { $count ->
        [one] one software technical certificate request is
       *[other] { $n } software technical certificate requests are
    } registered under this number, and their news reaches you here; /mycases lists them.
contact-enables-licences = • { $count ->
        [one] one business licence is
       *[other] { $n } business licences are
    } held under this number; for renewal reminders: /renewal
contact-use-button = To verify your number, please press “Share my mobile number”; a typed number is not accepted.

## Receipt

receipt =
    🧾 <b>Electronic receipt</b>
    <b>Service:</b> { $service }
    <b>Recipient:</b> { $name }
    <b>Tracking code:</b> <code>{ $code }</code>
    <b>Date and time:</b> { $when }
    <b>Amount taken:</b> { $amount }
    <b>Status:</b> { $status }
    —
    <b>Provider:</b> { $desk }
    <b>Licence number:</b> { $desk_licence }
    <b>Operator:</b> { $operator }
    <b>Address:</b> { $address }
    Keep this receipt to follow your case: /track { $code }
receipt-pdf-caption = 🖨 The printable receipt of case <code>{ $code }</code>, to print or keep.
receipt-pdf-title = Service receipt
receipt-pdf-desk = The office that gave the service
receipt-pdf-verify-title = Checking this receipt
receipt-pdf-verify = To check this receipt, send its tracking code to the Pishkhan bot with the command below, or open the link below. The case opens for its owner only.
receipt-pdf-footer = Issued by the Pishkhan bot; its electronic copy is in your chat with the bot.
receipt-field-service = Service
receipt-field-recipient = Recipient
receipt-field-code = Tracking code
receipt-field-when = Date and time
receipt-field-amount = Amount taken
receipt-field-business = Business
receipt-field-holder = Licence holder
receipt-field-licence = Licence number
receipt-field-operator = Operator
receipt-field-address = Address
receipt-usage = To get the printable receipt again, send the tracking code after the command, e.g. /receipt 12345-67890

## Staff chat

staff-attachment = 📎 Attachment { $index } of case <code>{ $code }</code>

## My cases and tracking

my-cases-empty = You have no cases yet. Send /complaint to file one.
my-cases =
    <b>Your cases</b> ({ $count })
    { $lines }
    { $more }
my-cases-line = • <code>{ $code }</code> — { $business } — { $status } — { $date }
my-cases-more = and { $count } older cases.
my-requests =
    <b>Your software technical certificate requests</b> ({ $count })
    { $lines }
my-requests-line = • <code>{ $code }</code> — { $product } — { $status } — { $date }
my-cases-hint = For the details and history of any of them: /track code
track-ask-code = Send the tracking code, e.g. 12345-67890 (Persian or Latin digits).
track-mistyped = This tracking code is not valid: “{ $typed }”. One digit was probably mistyped, or two were swapped. Please send the code again from your receipt.
track-wrong-length = A tracking code has ten digits, e.g. 12345-67890; what you sent (“{ $typed }”) has { $count }. Please send the code again from your receipt.
track-no-digits = A tracking code has ten digits and is on the receipt of your complaint, e.g. 12345-67890; please send it. Your cases are listed with /mycases.
track-not-found = No case with this tracking code was found among your cases.
track-case =
    <b>Case</b> <code>{ $code }</code>
    <b>Business:</b> { $business }
    <b>Subject:</b> { $subject }
    <b>Status:</b> { $status }
    <b>Filed:</b> { $received }
track-attachments = <b>Attachments:</b> { $count }
track-story =
    <b>What happened:</b>
    { $story }
track-due = <b>Due date of the current step:</b> { $due }
track-agreement = <b>Terms of the agreement:</b> { $terms }
story-line = • { $when } — { $event }
story-line-reason = • { $when } — { $event }: { $reason }
story-filed = Your complaint was filed
story-claim = A clerk took up the case
story-assigned = The case was assigned to a clerk
story-refer_to_commission = The case was referred to the complaints commission
story-refer_to_supervision = The case was referred to the supervision committee
story-record_opinion = The commission gave its opinion
story-close = The union closed the case
story-refer_to_judicial = The case was sent to Taazirat
story-void = The case was voided
story-withdraw = You withdrew the complaint and the case was closed
story-object = You objected to the decision and the case was sent to Taazirat
story-reopen = The case was reopened
story-agree = The parties reached an agreement and the case was closed
story-referred = The complaint referred by another body was registered
story-complainant_linked = You verified your mobile and the referred complaint became yours
story-asked = A clerk asked you a question
story-answered = You answered the clerk's question
story-wrote = You wrote to the clerk
story-replied = A clerk wrote to you
story-rated = You rated the handling
story-rating_comment = You commented on the handling
# The ways people ask for their cases or their status, one a line: a message that is one of
# these (however spelt) lists the cases as /mycases.
my-cases-phrases =
    status
    my status
    case status
    my case
    my cases
    my complaint
    my complaints
    complaint status
    track my case
    tracking
history-line = • { $when } — { $event } { $status }
event-filed = Complaint filed

## Texts longer than one message

text-cut-note = (the full text follows in the next message)
complaint-description-full =
    <b>Your complaint's description in full:</b>
    { $description }
staff-description-full =
    📄 <b>Description in full of case</b> <code>{ $code }</code>:
    { $description }
