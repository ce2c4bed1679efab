### Licences: checking one, importing the registry, renewal reminders (English).
### Tags allowed: <b> <i> <u> <code> <pre> <a href="">. Values are escaped by the program.

## Lookup

licence-ask-query =
    Write the licence number, the website address or the business name.
    For example: <code>140212345</code> or <code>example.ir</code> or “Ketabsara Naroon”
licence-ask-inline = Your complaint form is open and your answers are kept. To check a licence meanwhile, send the command with what to look for, e.g. <code>/licence example.ir</code>
licence-query-hint = Please write a licence number, a website address or a business name as text (two letters at least), e.g. <code>140212345</code> or <code>example.ir</code>.
licence-verdict-valid = ✅ This business licence is valid.
licence-warning-expired = ⚠️ <b>Warning: this licence has expired.</b> Until it is renewed, this business has no valid licence.
licence-warning-suspended = ⛔️ <b>Warning: this licence is suspended.</b> While suspended, this business may not operate.
licence-warning-revoked = ⛔️ <b>Warning: this licence has been revoked.</b> This business has no valid licence.
licence-warning-renewal = ⏳ <b>Note: this licence is being renewed.</b> Before buying, make sure the renewal is complete.
licence-details =
    { $verdict }
    <b>Business licence no.</b> { $number }
    <b>Status:</b> { $status }
    <b>Business name:</b> { $business_name }
    <b>Holder:</b> { $holder_name } ({ $holder_type })
    <b>Websites and apps:</b> { $sites }
    <b>Category:</b> { $category } (ISIC { $isic })
    <b>Province:</b> { $province }
    <b>Issued:</b> { $issued_on }
    <b>Expires:</b> { $expires_on }
licence-status-valid = valid
licence-status-expired = expired
licence-status-suspended = suspended
licence-status-revoked = revoked
licence-status-renewal = being renewed
licence-mark-valid = ✅
licence-mark-expired = ⚠️
licence-mark-suspended = ⛔️
licence-mark-revoked = ⛔️
licence-mark-renewal = ⏳
licence-holder-natural = natural person
licence-holder-legal = legal person
licence-site-app = app { $id }
licence-site-instagram = Instagram @{ $handle }
licence-site-telegram = Telegram @{ $handle }
licence-site-bale = Bale @{ $handle }
licence-choice = { $mark } { $business } — { $number }
licence-many = { $n } licences found. Choose one to see its details:
licence-many-more = There are more results; write the full name or the website address to narrow them down.
licence-not-found-number = ❌ No licence with number { $term } is registered. If a business shows this number as its licence, you can file a complaint about it.
licence-not-found-domain = ❌ No business licence is registered for { $term }. An online business without a valid licence may not operate; you can file a complaint about it.
licence-not-found-name = ❌ No business named “{ $term }” was found among the licences. Try another spelling or its website address; if it has no licence, you can file a complaint about it.
licence-button-complain = 📝 File a complaint about this business

## Import of the registry (admins)

licence-import-too-large = This file is larger than { $max } MB, which the bot cannot download. Please split it into parts and send them one by one.
licence-import-started = 📥 File received; importing the licences…
licence-import-download-failed = The file could not be downloaded. Please send it again in a few minutes.
licence-import-progress =
    ⏳ Importing licences…
    { $bar } { $percent }%
    { $done } of { $total } rows
licence-import-failed = ❌ <b>The file was not imported; nothing was written.</b> { $reason }
licence-import-report =
    ✅ <b>Licence import finished.</b>
    Rows read: { $read }
    New licences: { $inserted }
    Updated licences: { $updated }
    Rows rejected: { $rejected }
licence-import-rejections-title = <b>Rejected rows:</b>
licence-import-rejection-line = • Row { $row }, column “{ $column }”: { $reason }
licence-import-rejection-row-line = • Row { $row }: { $reason }
licence-import-more-rejections = … and { $n } more rejected { $count ->
        [one] row
       *[other] rows
    }.
licence-import-rejections-file = The rejected rows ({ $n }), each with its reason
licence-import-csv-row = Row
licence-import-csv-column = Column
licence-import-csv-reason = Reason

licence-import-empty-file = The file is empty: the first row must hold the column titles, then one licence per row.
licence-import-unreadable = The file could not be read: it is not a sound CSV or XLSX file.
licence-import-unsupported-format = The old Excel format (.xls) is not supported; save the file as XLSX or CSV.
licence-import-missing-columns =
    { $count ->
        [one] This required column is missing from the header row
       *[other] These required columns are missing from the header row
    }: { $columns }
licence-import-duplicate-column = The column “{ $column }” appears twice.
licence-import-missing-value = This cell is empty.
licence-import-too-long = This value is longer than { $max } characters.
licence-import-bad-number = The licence number “{ $value }” is not valid: digits and letters only, with / or - between.
licence-import-bad-holder-type = The holder type “{ $value }” is unknown; write “natural” or “legal”.
licence-import-bad-phone = The phone number “{ $value }” is not valid; write a mobile number such as 09123456789.
licence-import-bad-website = “{ $value }” is not a valid website or app.
licence-import-bad-isic = The ISIC code “{ $value }” must be six digits.
licence-import-bad-province = The province “{ $value }” is unknown.
licence-import-bad-date = The date “{ $value }” could not be read; write it in Jalali (1402/05/17) or Gregorian (2023-08-08).
licence-import-issued-in-future = The issue date “{ $value }” is in the future.
licence-import-expires-before-issue = The expiry date “{ $value }” is before the issue date.
licence-import-bad-status = The status “{ $value }” is unknown; write one of valid, expired, suspended, revoked, renewal.
licence-import-duplicate-number = The licence number { $number } appears again in row { $later_row }; the later row was imported.

## Renewal reminders

licence-renewal-need-phone = For renewal reminders your mobile number must be the licence holder's. Please send your number with the button below to see the licences under it and turn on a reminder for each. To stop: /cancel
licence-renewal-finish-form = To turn on renewal reminders, first finish your open form or leave it with /cancel.
licence-renewal-none = No licence is registered with { $phone } as its holder's mobile number. If your licence has an old number, please contact the union. To check any licence: /licence
licence-renewal-list =
    🪪 <b>Business licences under your mobile number</b>
    { $lines }
    Renewal reminders come 30, 7 and 1 days before a licence expires. Tap a licence's button, or turn them all on. /renewal shows this list again at any time; to turn all off: /renewal off
licence-renewal-list-none =
    🪪 <b>Business licences under your mobile number</b>
    { $lines }
    None of these licences is in force, so none has a renewal to remind of. To renew one or lift a suspension, contact the union.
licence-renewal-line =
    • { $business } (no. { $number }), valid until { $expires }, { $when ->
        [past] expired
        [today] expires today
        [tomorrow] expires tomorrow
       *[days] { $n } days left
    } — { $state }
licence-renewal-state-on = 🔔 reminder on
licence-renewal-state-off = 🔕 reminder off
licence-renewal-state-none = no reminder ({ $status })
licence-renewal-button-on = 🔔 Remind me for { $business } ({ $number })
licence-renewal-button-off = 🔕 Stop reminders for { $business } ({ $number })
licence-renewal-button-all-on = 🔔 Remind me for all
licence-renewal-button-all-off = 🔕 Turn all off
licence-renewal-button-none = No, thanks
licence-renewal-followed = 🔔 Renewal reminders for “{ $business }” are on.
licence-renewal-unfollowed = 🔕 Renewal reminders for “{ $business }” are off.
licence-renewal-all-followed = 🔔 Renewal reminders are on for every licence.
licence-renewal-all-unfollowed = 🔕 Renewal reminders are off for every licence.
licence-renewal-declined = All right; no reminder was turned on. Send /renewal whenever you want one.
licence-renewal-off = 🔕 Renewal reminders stopped for { $n } { $count ->
        [one] licence
       *[other] licences
    }.
licence-renewal-off-none = You had no renewal reminders on.
licence-renewal-reminder =
    ⏰ <b>Business licence renewal reminder</b>
    Licence no. { $number } “{ $business }” expires { $days ->
        [0] today
        [1] tomorrow
       *[other] in { $n } days
    } ({ $expires }). So that your business is not stopped, apply to the union for renewal in time.
    To change your reminders: /renewal

## Command line

licence-cli-file-missing = File not found: { $path }
licence-cli-no-database = The database is not ready; run python -m bot migrate first.
licence-cli-demo-refused = The database already holds { $n } licences. Sample data is made only in an empty database; nothing was written.
licence-cli-demo-made = Sample data made: { $licences } licences in { $categories } categories and { $provinces } provinces, and { $requests } software certificate requests.
licence-cli-demo-try =
    Try these in the bot:
    • by licence number: /licence { $number }
    • by website: /licence { $domain }
    • by name (typed with Arabic letters): /licence { $name }
    • several results to choose from: /licence { $several }
    • an expired licence: /licence { $expired }
    • a suspended licence: /licence { $suspended }
    • no licence, and a complaint: /licence { $unlicensed }
    Certificate requests to follow: { $codes }
