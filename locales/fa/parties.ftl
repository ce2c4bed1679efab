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
    مثلاً: /respondent ۱۲۳۴۵-۶۷۸۹۰ لطفاً فاکتور سفارش را بفرستید.
respondent-sent = ✅ برای متشاکی پرونده <code>{ $code }</code> فرستاده شد.
respondent-not-on-desk = متشاکی پرونده <code>{ $code }</code> در پیشخوان نیست (پروانه‌ای از ثبت اتحادیه در پرونده نیامده، یا دارنده پروانه هنوز شماره همراهش را در پیشخوان تأیید نکرده است)؛ پیام فرستاده نشد.
staff-respondent-unknown = پروانه‌ای از ثبت اتحادیه در شکایت نیامده است.
staff-respondent-on-desk = { $business } (پروانه { $licence }، { $holder }) — در پیشخوان است؛ با /respondent پیام بفرستید.
staff-respondent-off-desk = { $business } (پروانه { $licence }، { $holder }) — در پیشخوان نیست؛ با تأیید شماره همراهش از شکایت باخبر می‌شود.
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

## The commission's session (ماده ۶)

command-session = جلسه کمیسیون پرونده
session-usage =
    روش استفاده از /session:
    • تعیین جلسه حضوری: /session «کد رهگیری» «تاریخ» «ساعت» حضوری «نشانی»
    • تعیین جلسه برخط: /session «کد رهگیری» «تاریخ» «ساعت» برخط «پیوند»
    • تغییر زمان: /session «کد رهگیری» تغییر «تاریخ» «ساعت» (و در صورت نیاز محل تازه)
    • لغو: /session «کد رهگیری» لغو
    مثلاً: /session ۱۲۳۴۵-۶۷۸۹۰ ۱۴۰۵/۰۹/۲۰ ۱۰:۳۰ برخط <code>https://meet.example.ir/room</code>
    تاریخ به تقویم شمسی و ساعت به وقت تهران است.
session-refused-when = تاریخ یا ساعت جلسه خوانده نشد؛ تاریخ را شمسی مثل ۱۴۰۵/۰۹/۲۰ و ساعت را مثل ۱۰:۳۰ بنویسید.
session-refused-past = این زمان گذشته است؛ جلسه باید در آینده باشد.
session-refused-holiday = آن روز تعطیل رسمی است ({ $name })؛ لطفاً روز کاری دیگری انتخاب کنید.
session-refused-weekend = آن روز تعطیل آخر هفته یا تعطیلی اداره است؛ لطفاً روز کاری دیگری انتخاب کنید.
session-refused-hours = این ساعت بیرون از ساعت کاری اداره است؛ جلسه باید از ساعت { $open } تا پیش از { $close } شروع شود.
session-refused-link = پیوند جلسه برخط باید نشانی کاملی باشد که با <code>https://</code> یا <code>http://</code> شروع می‌شود.
session-refused-address = نشانی جلسه حضوری را کامل بنویسید.
session-refused-ended = رسیدگی به این پرونده پایان یافته است و برای آن جلسه‌ای تعیین نمی‌شود.
session-none = برای این پرونده جلسه‌ای تعیین نشده است.
session-exists = برای این پرونده جلسه‌ای در { $when } تعیین شده است؛ برای تغییر زمانش «تغییر» و برای لغوش «لغو» را به کار ببرید.
session-respondent-told = از شاکی و متشاکی دعوت شد.
session-respondent-not-told = از شاکی دعوت شد؛ متشاکی در پیشخوان نیست و باید از راه دیگری دعوت شود.
session-scheduled-staff = ✅ جلسه کمیسیون پرونده <code>{ $code }</code> برای { $when } تعیین شد. { $respondent }
session-moved-staff = ✅ زمان جلسه کمیسیون پرونده <code>{ $code }</code> به { $when } تغییر کرد. { $respondent }
session-cancelled-staff = ✅ جلسه کمیسیون پرونده <code>{ $code }</code> ({ $when }) لغو شد و به طرفین خبر داده شد.
session-mode-in_person = حضوری
session-mode-online = برخط
session-note-in_person = { $when }، حضوری در { $place }
session-note-online = { $when }، برخط: { $place }
session-line = { $note } — شاکی: { $complainant }؛ متشاکی: { $respondent }
session-line-none = تعیین نشده
session-answer-none = پاسخی نداده
session-answer-confirmed = حضور را تأیید کرده
session-answer-another_time = زمان دیگری خواسته
session-party-complainant = شاکی
session-party-respondent = متشاکی
session-button-confirmed = ✅ حضورم را تأیید می‌کنم
session-button-another_time = 🕑 زمان دیگری می‌خواهم
session-place-in_person = <b>محل:</b> { $place }
session-place-online = <b>جلسه برخط:</b> { $place }
session-invite =
    ⚖️ <b>دعوت به جلسه کمیسیون رسیدگی به شکایات</b>
    پرونده <code>{ $code }</code> — شما به‌عنوان { $party } دعوت شده‌اید.
    <b>زمان:</b> { $when }
    { $place }
    لطفاً حضورتان را تأیید کنید، یا اگر این زمان برایتان ممکن نیست، زمان دیگری بخواهید.
session-moved =
    🕑 <b>زمان جلسه کمیسیون تغییر کرد</b>
    پرونده <code>{ $code }</code> — شما به‌عنوان { $party } دعوت شده‌اید.
    <b>زمان تازه:</b> { $when }
    { $place }
    لطفاً حضورتان را دوباره تأیید کنید، یا زمان دیگری بخواهید.
session-cancelled =
    ❌ <b>جلسه کمیسیون لغو شد</b>
    جلسه پرونده <code>{ $code }</code> در { $when } برگزار نمی‌شود. اگر زمان تازه‌ای تعیین شود، خبرتان می‌کنیم.
session-reminder-day =
    ⏰ <b>یادآوری: فردا جلسه کمیسیون دارید</b>
    پرونده <code>{ $code }</code> — { $when }
    { $place }
session-reminder-hours =
    ⏰ <b>یادآوری: جلسه کمیسیون تا دو ساعت دیگر</b>
    پرونده <code>{ $code }</code> — { $when }
    { $place }
session-answered-confirmed = ✅ حضور شما در جلسه کمیسیون پرونده <code>{ $code }</code> ثبت شد؛ سپاس.
session-answered-another_time = درخواست زمان دیگر برای جلسه پرونده <code>{ $code }</code> به کارشناس رسید. اگر زمان مناسبی در نظر دارید، همین‌جا بنویسید.
session-staff-confirmed = ✅ { $party } حضور در جلسه کمیسیون پرونده <code>{ $code }</code> ({ $when }) را تأیید کرد.
session-staff-another_time = 🕑 { $party } برای جلسه کمیسیون پرونده <code>{ $code }</code> ({ $when }) زمان دیگری خواست.
event-session_scheduled = جلسه کمیسیون تعیین شد
event-session_moved = زمان جلسه کمیسیون تغییر کرد
event-session_cancelled = جلسه کمیسیون لغو شد
event-session_confirmed = حضور در جلسه کمیسیون تأیید شد
event-session_another_time = زمان دیگری برای جلسه کمیسیون خواسته شد
story-session_scheduled = جلسه کمیسیون تعیین شد
story-session_moved = زمان جلسه کمیسیون تغییر کرد
story-session_cancelled = جلسه کمیسیون لغو شد
digest-sessions =
    <b>جلسه‌های کمیسیون امروز</b> ({ $count }):
    { $lines }
digest-session-line = • { $time } — <code>{ $code }</code> — { $business } ({ $place })
action-respondent = 🏢 پیام به متشاکی
staff-respondent-prompt = پیام خود به متشاکی پرونده <code>{ $code }</code> را در پاسخ به همین پیام بنویسید.
