### The parties of a complaint beside the complainant: the respondent, and the commission's session.

## The respondent (متشاکی)

role-respondent = متشاکی
command-respondent = پیام به متشاکی پرونده
respondent-told =
    ⚖️ <b>شکایتی درباره کسب‌وکار شما در اتحادیه ثبت شد</b>
    <b>پروانه کسب:</b> { $business } (شماره { $licence })
    <b>کد رهگیری شکایت:</b> <code>{ $code }</code>
    <b>موضوع:</b> { $subject }
    { $complainant }<b>شرح شکایت:</b>
    { $description }

    برای پاسخ، به همین پیام پاسخ دهید (متن، عکس یا فایل)؛ پاسخ شما به کارشناس اتحادیه می‌رسد. شکایت‌های مربوط به پروانه‌هایتان را با /mycases می‌بینید.
respondent-complainant =
    <b>شاکی:</b> { $name }
relay-to-staff-respondent =
    🏢 <b>پاسخ متشاکی</b> ({ $business }) — <code>{ $code }</code>
    { $body }
relay-to-respondent =
    💬 <b>پیام کارشناس اتحادیه درباره شکایت</b> <code>{ $code }</code> ({ $business })
    { $body }
    برای پاسخ، به همین پیام پاسخ دهید.
respondent-usage =
    روش استفاده: /respondent «کد رهگیری» «متن پیام»
    یا در رشته پرونده: /respondent متن پیام
    مثلاً: /respondent 12345-67890 لطفاً فاکتور سفارش را بفرستید.
respondent-sent = ✅ برای متشاکی پرونده <code>{ $code }</code> فرستاده شد.
respondent-not-on-desk = متشاکی پرونده <code>{ $code }</code> در پیشخوان نیست (پروانه‌ای از ثبت اتحادیه در پرونده نیامده، یا دارنده پروانه هنوز شماره همراهش را در پیشخوان تأیید نکرده است)؛ پیام فرستاده نشد.
staff-respondent-unknown = پروانه‌ای از ثبت اتحادیه در شکایت نیامده است
staff-respondent-on-desk = { $business } (پروانه { $licence }، { $holder }) — در پیشخوان است؛ با /respondent پیام بفرستید
staff-respondent-off-desk = { $business } (پروانه { $licence }، { $holder }) — در پیشخوان نیست؛ با تأیید شماره همراهش از شکایت باخبر می‌شود
event-respondent_told = به متشاکی خبر داده شد
event-respondent_wrote = پیام متشاکی
event-asked_respondent = پیام کارشناس به متشاکی
my-cases-against =
    <b>شکایت‌ها از کسب‌وکار شما</b> ({ $count })
    { $groups }
my-cases-against-licence =
    <b>{ $business }</b> (پروانه { $licence }):
    { $lines }
my-cases-against-line = • <code>{ $code }</code> — { $subject } — { $status } — { $date }
