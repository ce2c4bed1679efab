### Reports of the admin console (/stats, /export, /find, /sla) and citizens' satisfaction.

## Statistics (/stats)

stats-bad-period =
    «{ $value }» دوره‌ای نیست که بشناسم.
    { usage-stats }
stats-period-all = همه پرونده‌ها
stats-period-year = سال { $year }
stats-head =
    📊 <b>آمار پیشخوان — { $period }</b>
    <b>پرونده‌های دریافتی:</b> { $total }
stats-section-statuses =
    <b>به تفکیک وضعیت</b>
    { $lines }
stats-section-subjects =
    <b>به تفکیک موضوع</b>
    { $lines }
stats-section-months =
    <b>به تفکیک ماه</b>
    { $lines }
stats-section-last-months =
    <b>دوازده ماه اخیر</b>
    { $lines }
stats-section-provinces =
    <b>به تفکیک استان</b>
    { $lines }
stats-membership =
    <b>عضویت کسب‌وکار در اتحادیه</b>
    • عضو (دارای پروانه در سامانه): { $members } ({ $members_share })
    • غیرعضو: { $non_members } ({ $non_members_share })
stats-first-response =
    <b>نخستین پاسخ</b> ({ $count } پرونده)
    میانه { $median } ساعت — صدک ۹۰: { $p90 } ساعت
    در مهلت { $days } روز کاری: { $on_time } پرونده ({ $share })
stats-first-response-none =
    <b>نخستین پاسخ</b>
    هنوز به پرونده‌ای پاسخ داده نشده است.
stats-closing =
    <b>مختومه شدن</b> ({ $count } پرونده)
    میانه { $median } روز — صدک ۹۰: { $p90 } روز
    در مهلت { $days } روزه ماده ۷۲: { $on_time } پرونده ({ $share })
stats-closing-none =
    <b>مختومه شدن</b>
    هنوز پرونده‌ای مختومه نشده است.
stats-now =
    <b>هم‌اکنون</b> ({ $date })
    • گذشته از مهلت مرحله: { $overdue }
    • گذشته از مهلت ده‌روزه ماده ۷۲: { $breached }
stats-section-clerks =
    <b>بار کارشناسان</b> (در جریان، گذشته از مهلت، دریافتی در این دوره)
    { $lines }
stats-clerk-line = • { $clerk }: { $open } در جریان، { $overdue } گذشته از مهلت، { $received } در این دوره
stats-clerk-nameless = کارشناس بی‌نام
stats-section-satisfaction =
    <b>رضایت شهروندان</b>
    { $lines }
stats-empty = 📊 هنوز پرونده‌ای ثبت نشده است.
stats-empty-period = 📊 در { $period } پرونده‌ای دریافت نشده است.
stats-line = • { $label }: { $count }
stats-subline = { "  " }◦ { $label }: { $count }
stats-others = سایر
stats-none = موردی نیست.
stats-province-unknown = نامشخص
stats-unassigned = بدون کارشناس
stats-no-ratings = هنوز نظری ثبت نشده است.
stats-satisfaction =
    { $count } نظر، میانگین { $average } از ۵
    { $scores }
stats-score-line = • { $score } ⭐: { $count }
stats-chart-caption = 📈 نمودار آمار پیشخوان — { $period }

## Statistics by source, the union's table, a period of days, repeat offenders

stats-period-range = از { $since } تا { $until }
stats-period-since = از { $since }
stats-period-until = تا { $until }
stats-reversed =
    روز آغاز دوره پس از روز پایان آن است.
    { usage-stats }
stats-share-line = • { $label }: { $count } ({ $share })
stats-section-sources =
    <b>به تفکیک منبع</b>
    { $lines }
stats-section-union =
    <b>جدول گزارش اتحادیه</b> (منبع و عضویت، به تفکیک وضعیت)
    { $lines }
stats-union-members = ثبت‌شده در پیشخوان، از اعضای اتحادیه
stats-union-non-members = ثبت‌شده در پیشخوان، از کسب‌وکارهای غیرعضو
stats-union-referred = ارجاعی از نهادها
stats-union-statuses = { "  " }◦ { $statuses }
stats-status-count = { $status } { $count }
stats-offenders-head =
    🔁 <b>کسب‌وکارهای پرشکایت — { $period }</b>
    { $count } کسب‌وکار با بیشترین شکایت: شمار شکایت‌ها، باز، مختومه، تخلف محرز و ارجاع به تعزیرات
stats-offender-line = { $rank }. <b>{ $name }</b> ({ $business }): { $total } شکایت — { $open } باز، { $closed } مختومه، { $violations } تخلف محرز، { $judicial } ارجاع به تعزیرات
stats-offender-licence = پروانه { $number }
stats-offender-name = بدون پروانه و نشانی
stats-offenders-empty = 🔁 در { $period } شکایتی دریافت نشده است.
business-record = <b>سابقه کسب‌وکار در یک سال گذشته:</b> { $total } شکایت دیگر — { $open } باز، { $closed } مختومه، { $violations } تخلف محرز، { $judicial } ارجاع به تعزیرات
business-record-none = <b>سابقه کسب‌وکار در یک سال گذشته:</b> شکایت دیگری نیست.
licence-record = 🔁 <b>شکایت‌ها از این کسب‌وکار در یک سال گذشته:</b> { $total } شکایت — { $open } باز، { $closed } مختومه، { $violations } تخلف محرز، { $judicial } ارجاع به تعزیرات
licence-record-none = 🔁 <b>شکایت‌ها از این کسب‌وکار در یک سال گذشته:</b> شکایتی نرسیده است.

chart-title = آمار پیشخوان — { $period }
chart-last-months = پرونده‌های دریافتی در دوازده ماه اخیر
chart-months = پرونده‌های دریافتی به تفکیک ماه
chart-statuses = پرونده‌ها به تفکیک وضعیت
chart-subjects = پرونده‌ها به تفکیک موضوع
chart-provinces = پرونده‌ها به تفکیک استان
chart-membership = عضویت کسب‌وکار در اتحادیه
chart-member = عضو
chart-non-member = غیرعضو
chart-sources = پرونده‌ها به تفکیک منبع
chart-deadlines = مهلت‌ها
chart-first-on-time = نخستین پاسخ در مهلت
chart-first-late = نخستین پاسخ پس از مهلت
chart-closed-on-time = مختومه در مهلت ماده ۷۲
chart-closed-late = مختومه پس از مهلت ماده ۷۲
chart-overdue-now = هم‌اکنون گذشته از مهلت مرحله
chart-breached-now = هم‌اکنون گذشته از مهلت ماده ۷۲
chart-clerks = بار کارشناسان (هم‌اکنون)
chart-clerk-open = در جریان
chart-clerk-overdue = گذشته از مهلت
chart-satisfaction = رضایت شهروندان (امتیاز ۱ تا ۵)

## Export (/export)

-export-usage = { usage-export }
export-unknown-filter =
    «{ $name }» شناخته نشد.
    { -export-usage }
export-repeated =
    «{ $name }» دو بار آمده است.
    { -export-usage }
export-missing-value =
    برای «{ $name }» مقداری نوشته نشده است.
    { -export-usage }
export-bad-date =
    تاریخ «{ $value }» درست نیست؛ آن را به شکل ۱۴۰۵/۰۹/۰۱ بنویسید.
    { -export-usage }
export-reversed = تاریخ شروع بعد از تاریخ پایان است.
export-bad-status =
    وضعیت «{ $value }» شناخته نشد. وضعیت‌ها: { $statuses }
    { -export-usage }
export-bad-format =
    قالب «{ $value }» پشتیبانی نمی‌شود؛ csv یا xlsx بنویسید.
export-empty = هیچ پرونده‌ای با این شرط‌ها پیدا نشد.
export-too-large = فایل خروجی از حد مجاز ارسال بزرگ‌تر است؛ بازهٔ تاریخ را کوتاه‌تر کنید.
export-done = 📄 خروجی { $format } از { $count } پرونده — { $filters }
export-done-part = 📄 خروجی { $format } — بخش { $part } از { $parts }: ردیف‌های { $first } تا { $last } از { $count } پرونده — { $filters }
export-format-xlsx = اکسل (XLSX)
export-format-csv = CSV
export-progress = ⏳ در حال آماده‌سازی خروجی { $format }: { $done } از { $count } پرونده…
export-progress-done = ✅ خروجی { $format } از { $count } پرونده آماده شد؛ در حال ارسال…
export-yes = بله
export-no = خیر
export-all = همه پرونده‌ها
export-filter-from = از { $day }
export-filter-to = تا { $day }
export-filter-status = وضعیت: { $status }
export-sheet-title = پرونده‌ها
export-summary-sheet = جدول اتحادیه
export-summary-title = جدول شکایات به تفکیک منبع، عضویت و وضعیت — { $filters }
export-summary-source = منبع شکایت
export-summary-count = تعداد
export-summary-share = سهم
export-summary-body = { "  " }◦ { $body }
export-summary-total = جمع
export-column-code = کد رهگیری
export-column-status = وضعیت
export-column-subject = موضوع
export-column-business = کسب‌وکار
export-column-website = وب‌سایت یا اپلیکیشن
export-column-licence = شماره پروانه
export-column-member = عضو اتحادیه
export-column-province = استان
export-column-complainant = نام شاکی
export-column-phone = شماره همراه شاکی
export-column-description = شرح شکایت
export-column-order_number = شماره سفارش
export-column-order_date_jalali = تاریخ سفارش
export-column-order_date = تاریخ سفارش (میلادی)
export-column-amount = مبلغ (ریال)
export-column-received_jalali = تاریخ دریافت
export-column-received_iso = تاریخ دریافت (میلادی)
export-column-assignee = کارشناس
export-column-due = مهلت مرحله
export-column-due_date = مهلت مرحله (میلادی)
export-column-overall_due = مهلت ماده ۷۲
export-column-overall_due_date = مهلت ماده ۷۲ (میلادی)
export-column-overdue = گذشته از مهلت
export-column-opinion = نظر کمیسیون
export-column-decided_jalali = تاریخ تصمیم
export-column-decided = تاریخ تصمیم (میلادی)
export-column-reason = دلیل تصمیم
export-column-rating = امتیاز رضایت
export-column-closing = دلیل مختومه شدن
export-column-source = منبع شکایت
export-column-comment = توضیح شاکی درباره رسیدگی

## Search (/find)

find-usage = روش استفاده: /find و سپس کد رهگیری، شماره همراه، نام کسب‌وکار یا واژه‌هایی از شرح شکایت؛ مثلاً: /find دیجی‌کالا
find-none = پرونده‌ای پیدا نشد.
find-results =
    🔎 <b>{ $count } پرونده پیدا شد</b>
    { $lines }
find-line = • <code>{ $code }</code> — { $status } — { $business } — { $date }
find-more = نتیجه‌های بیشتری هم هست؛ جست‌وجو را دقیق‌تر کنید.

## Deadline settings (/sla)

sla-unknown-queue =
    صف «{ $name }» شناخته نشد.
    { usage-sla }
sla-queue-complaints = شکایات
sla-queue-licences = پروانه‌ها
sla-queue-certificates = تأییدیه‌های فنی
sla-show =
    ⏱ <b>مهلت‌های صف { $queue }</b>
    { $lines }
    برای تغییر، مثلاً: /sla { $queue } کمیسیون=۷
sla-line = • { $label }: { $value } (نام: <code>{ $name }</code>)
sla-line-changed = • { $label }: <b>{ $value }</b> (نام: <code>{ $name }</code>؛ رقم قانون: { $default })
sla-show-certificates =
    ⏱ <b>مهلت‌های صف { $queue }</b>
    • زمان ارائه خدمت پس از کامل شدن مدارک (روز کاری): { $days }
    این زمانِ اعلام‌شدهٔ سازمان فناوری اطلاعات در میز خدمت است و در تنظیمات پیشخوان تعیین می‌شود؛ مهلت‌های کمیسیون شکایات، ماده ۷۲ و تعزیرات به این صف مربوط نیست.
sla-show-licences =
    ⏱ <b>مهلت‌های صف { $queue }</b>
    برای این صف مهلتی تعیین نشده است؛ مهلت‌های قانونی فقط برای شکایات و تأییدیه‌های فنی است.
sla-certificates-fixed = زمان ارائه خدمت تأییدیه‌های فنی را سازمان فناوری اطلاعات اعلام می‌کند و در تنظیمات پیشخوان تعیین می‌شود؛ با /sla تغییر نمی‌کند. برای دیدن آن: /sla certificates
sla-licences-none = صف پروانه‌ها مهلتی ندارد که تغییر کند. مهلت‌های شکایات را با /sla complaints ببینید.
sla-changed = ✅ مهلت‌های صف { $queue } تغییر کرد؛ مهلت { $moved } پرونده باز دوباره محاسبه شد.
sla-setting-referral_working_days = بررسی و ارجاع به کمیسیون (روز کاری)
sla-setting-commission_days = رسیدگی کمیسیون (روز)
sla-setting-decision_working_days = تصمیم اتحادیه پس از نظر کمیسیون (روز کاری)
sla-setting-overall_days = مهلت کل ماده ۷۲ (روز)
sla-setting-supervision_days = رسیدگی کمیته نظارت (روز)
sla-setting-judicial_days = رسیدگی تعزیرات حکومتی (روز)
event-sla_changed = تغییر مهلت‌های صف

## Satisfaction

rating-ask =
    🙏 پرونده <code>{ $code }</code> مختومه شد. از رسیدگی به آن چقدر راضی بودید؟
    از ۱ (اصلاً راضی نبودم) تا ۵ (کاملاً راضی بودم) یکی را انتخاب کنید.
rating-button = { $score } ⭐
rating-recorded = امتیاز شما ثبت شد.
rating-thanks-comment =
    از شما سپاسگزاریم؛ امتیاز شما برای پرونده <code>{ $code }</code> ثبت شد.
    اگر توضیحی دارید، همین حالا بنویسید؛ وگرنه «بدون توضیح» را بزنید.
button-no-comment = بدون توضیح
rating-no-comment = امتیاز شما بدون توضیح ثبت شد. سپاسگزاریم!
rating-thanks = از شما سپاسگزاریم؛ امتیاز شما برای پرونده <code>{ $code }</code> ثبت شد.
rating-already = نظر شما درباره این پرونده پیش‌تر ثبت شده است و تغییری داده نشد.
rating-not-yours = این نظرسنجی مربوط به شما نیست.
rating-comment-saved = توضیح شما ثبت شد. سپاسگزاریم!
event-rated = امتیاز رضایت شاکی
event-rating_comment = توضیح شاکی درباره رسیدگی
