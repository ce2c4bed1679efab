### The staff's and admins' desk: the names they may type, how each command is used, people.

## Other names staff may type (comma-separated; the first is the one shown to type)

names-status-awaiting_review = منتظر بررسی، منتظر بررسی کارشناس
names-status-in_progress = در دست اقدام
names-status-referred_commission = کمیسیون، ارجاع به کمیسیون
names-status-referred_supervision = کمیته نظارت، ارجاع به کمیته نظارت
names-status-referred_judicial = تعزیرات، ارجاع به تعزیرات، مراجع قضایی
names-status-voided = باطل، ابطال، باطل شده
names-status-closed = مختومه
names-opinion-violation = تخلف، تخلف دارد، تخلف احراز شد
names-opinion-no_violation = عدم تخلف، بدون تخلف، تخلفی ندارد، تخلفی احراز نشد
names-queue-complaints = شکایات، شکایت
names-queue-licences = پروانه‌ها، پروانه
names-queue-certificates = تأییدیه‌ها، تأییدیه، تأییدیه فنی
names-setting-referral_working_days = ارجاع، بررسی و ارجاع
names-setting-commission_days = کمیسیون، رسیدگی کمیسیون
names-setting-decision_working_days = تصمیم، تصمیم اتحادیه
names-setting-overall_days = مهلت کل، کل، ماده ۷۲
names-setting-supervision_days = نظارت، کمیته نظارت
names-setting-judicial_days = تعزیرات، تعزیرات حکومتی
names-cert-submitted = ثبت شده
names-cert-documents_incomplete = نقص، نقص مدارک
names-cert-under_review = بررسی، در حال بررسی
names-cert-awaiting_fee = هزینه، پرداخت هزینه
names-cert-issued = صدور، صادر شده
names-cert-rejected = رد، رد شده

## People as staff see them

person-name = { $name } (@{ $username })
person-unknown = کاربر ناشناس { $platform } (شناسهٔ { $id })

## How each command is used (each with an example)

usage-case = روش استفاده: /case و کد رهگیری پرونده؛ مثلاً: /case ۱۲۳۴۵-۶۷۸۹۰
usage-status =
    روش استفاده: /status کد وضعیت دلیل؛ مثلاً: /status ۱۲۳۴۵-۶۷۸۹۰ مختومه سازش طرفین
    وضعیت‌ها: { $statuses }
usage-opinion =
    روش استفاده: /opinion کد نظر؛ مثلاً: /opinion ۱۲۳۴۵-۶۷۸۹۰ عدم تخلف
    نظرها: { $opinions }. اصلاح نظری که ثبت شده فقط از مدیر و با نوشتن دلیل پذیرفته می‌شود؛ مثلاً: /opinion ۱۲۳۴۵-۶۷۸۹۰ تخلف صورت‌جلسه اصلاحی کمیسیون
usage-agree = روش استفاده: /agree کد شرایط سازش؛ سازش طرفین پرونده را مختومه می‌کند و اگر شرایط را ننویسید، پرسیده می‌شود. مثلاً: /agree ۱۲۳۴۵-۶۷۸۹۰ فروشنده تا پایان هفته مبلغ را بازمی‌گرداند
usage-refer = روش استفاده: /refer به‌تنهایی برای ثبت شکایتی که نهاد دیگری ارجاع داده است، پرسش به پرسش؛ مدیر پرونده‌ای با قالب CSV یا XLSX از نامه‌ها را با عنوان /refer import می‌فرستد. مثلاً: /refer import
usage-assign = روش استفاده: /assign کد @نام‌کاربری؛ مثلاً: /assign ۱۲۳۴۵-۶۷۸۹۰ @ali
usage-find = روش استفاده: /find و سپس کد رهگیری، شماره همراه، نام کسب‌وکار یا واژه‌هایی از شرح شکایت؛ مثلاً: /find دیجی‌کالا
usage-cert =
    روش استفاده: /cert کد برای دیدن درخواست تأییدیه، یا /cert کد وضعیت برای تغییر آن؛ مثلاً: /cert ۲۳۴۵۶-۷۸۹۰۱ بررسی
    وضعیت‌ها: «بررسی»، «هزینه»، «صدور» و نشانی تأییدیه، «رد» و دلیل، «نقص» و تاریخ و مدارک؛ مثلاً: /cert ۲۳۴۵۶-۷۸۹۰۱ نقص ۱۴۰۵/۰۹/۱۵ گواهی ثبت شرکت؛ مستندات فنی
    درخواست تازه: /cert تازه تلفن | نام محصول | نام متقاضی؛ مثلاً: /cert تازه ۰۹۱۲۱۲۳۴۵۶۷ | سامانه فروش | مریم رضایی
usage-stats = روش استفاده: /stats برای آمار همه پرونده‌ها با نمودار؛ یا با یک دوره: /stats این ماه، /stats ماه قبل، /stats امسال، یک سال مانند /stats ۱۴۰۵، یک ماه مانند /stats ۱۴۰۵/۰۹ و /stats آذر ۱۴۰۵، یا چند روز مانند /stats از ۱۴۰۵/۰۷/۰۱ تا ۱۴۰۵/۰۸/۳۰. کسب‌وکارهای پرشکایت یک دوره: /stats متخلفان و پس از آن دوره، مانند /stats متخلفان امسال. مثلاً: /stats ماه قبل
usage-export = روش استفاده: /export از تاریخ تا تاریخ وضعیت نام قالب csv یا xlsx؛ همهٔ بخش‌ها اختیاری است و /export تنها همهٔ پرونده‌ها را در قالب XLSX می‌فرستد. مثلاً: /export از ۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۶/۳۱ وضعیت مختومه قالب csv
usage-sla =
    روش استفاده: /sla صف برای دیدن مهلت‌ها، یا /sla صف نام=روز برای تغییر آن‌ها؛ مثلاً: /sla شکایات کمیسیون=۷
    صف‌ها: { $queues }
    نام‌ها: { $settings }
usage-holiday = روش استفاده: /holiday برای فهرست تعطیلی‌ها، /holiday افزودن ۱۴۰۵/۰۹/۱۰ دلیل، یا /holiday حذف ۱۴۰۵/۰۹/۱۰؛ مثلاً: /holiday افزودن ۱۴۰۵/۰۹/۱۰ تعمیرات ساختمان
usage-staff = روش استفاده: /staff برای فهرست کارشناسان، /staff افزودن @نام‌کاربری، یا /staff حذف @نام‌کاربری؛ مثلاً: /staff افزودن @ali
usage-ban = روش استفاده: /ban @نام‌کاربری برای مسدود کردن و /unban @نام‌کاربری برای رفع آن؛ مثلاً: /ban @spammer

## What a command was given that it could not use

staff-refer-unknown = پس از /refer جز import چیزی نوشته نمی‌شود، نه «{ $text }».
staff-not-a-code = «{ $text }» کد رهگیری نیست.
staff-case-unknown = پرونده‌ای با کد { $code } پیدا نشد.
cert-unknown = درخواستی با کد { $code } پیدا نشد.
staff-status-illegal = پرونده { $code } در وضعیت «{ $from_status }» است و از آن نمی‌توان به «{ $to_status }» رفت.
staff-status-allowed =
    اکنون می‌توانید:
    { $moves }
staff-status-allowed-none = اکنون هیچ تغییر وضعیتی برای شما ممکن نیست.
staff-move-to = <code>/status { $code } { $status }</code>
staff-move-opinion = <code>/opinion { $code } نظر</code>
staff-move-agree = <code>/agree { $code } شرایط سازش</code>
staff-opinion-unknown = نظر «{ $name }» شناخته نشد.
staff-person-unknown = «{ $who }» را نمی‌شناسیم؛ این شخص باید یک بار به ربات پیام داده باشد.
staff-button-gone = این دکمه دیگر کاربردی ندارد؛ دکمه‌های پرونده به‌روز شد.
command-word-unknown = «{ $name }» شناخته نشد.

## Verbs of the admin commands

names-verb-list = فهرست، لیست
names-verb-add = افزودن، اضافه
names-verb-remove = حذف، برداشتن
names-verb-new = تازه، جدید

## The case's history

history-deadline-changed = { $setting } از { $before } به { $after }
event-closure_added = تعطیلی دفتر؛ مهلت پرونده جابه‌جا شد
event-closure_removed = برداشتن تعطیلی دفتر؛ مهلت پرونده دوباره محاسبه شد

## What an undelivered message was for (the admins' alert)

dead-letter-target = { $platform }، گفت‌وگوی { $chat }
purpose-receipt = رسید ثبت شکایت
purpose-staff-card = کارت پرونده برای کارشناسان
purpose-staff-card-description = شرح کامل پرونده برای کارشناسان
purpose-staff-attachment = پیوست پرونده برای کارشناسان
purpose-staff-topic = موضوع پرونده در گروه کارشناسان
purpose-staff-topic-title = عنوان موضوع پرونده
purpose-case-notice = خبر پرونده برای شاکی
purpose-staff-notice = خبر پرونده برای کارشناسان
purpose-assigned = واگذاری پرونده به کارشناس
purpose-question = پرسش کارشناس از شاکی
purpose-relay-reply = پاسخ کارشناس به شاکی
purpose-relay-answer = پاسخ شاکی به کارشناس
purpose-relay-citizen = پیام شاکی به کارشناسان
purpose-relay-undelivered = خبر نرسیدن پیام
purpose-rating-request = نظرسنجی رضایت
purpose-cert-status = خبر درخواست تأییدیه
purpose-cert-documents = یادآوری مدارک تأییدیه
purpose-cert-breach = گذشتن مهلت تأییدیه
purpose-alert = یادآوری مهلت
purpose-alert-fallback = یادآوری مهلت در گروه کارشناسان
purpose-dead-letter = خبر پیام نرسیده
purpose-digest = گزارش روزانه
purpose-licence-renewal = یادآوری تمدید پروانه
purpose-unknown = پیام دیگر

## A certificate request's move that cannot be made

cert-illegal-allowed = این تغییر وضعیت برای این درخواست ممکن نیست. اکنون می‌توانید: { $statuses }؛ مثلاً: /cert ۲۳۴۵۶-۷۸۹۰۱ بررسی
cert-illegal-final = این درخواست به پایان رسیده است و وضعیت آن دیگر تغییر نمی‌کند.
