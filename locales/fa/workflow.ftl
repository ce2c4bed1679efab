### The complaint workflow, its deadlines and the staff side.

## Actions (buttons and history)

action-claim = 🙋 پذیرفتن پرونده
action-refer_to_commission = ارجاع به کمیسیون شکایت
action-refer_to_supervision = ارجاع به کمیته نظارت
action-record_opinion = ثبت نظر کمیسیون
action-close = مختومه کردن
action-refer_to_judicial = ارجاع به تعزیرات حکومتی
action-agree = 🤝 سازش طرفین
action-void = ابطال
action-withdraw = انصراف شاکی
action-object = اعتراض شاکی
action-reopen = بازگشایی
action-ask = ❓ پرسش از شاکی
action-note = 📝 یادداشت داخلی

event-claim = پذیرفتن پرونده توسط کارشناس
event-refer_to_commission = ارجاع به کمیسیون شکایت
event-refer_to_supervision = ارجاع به کمیته نظارت
event-record_opinion = ثبت نظر کمیسیون
event-close = مختومه شد
event-refer_to_judicial = ارجاع به تعزیرات حکومتی
event-agree = سازش طرفین؛ پرونده مختومه شد
event-void = ابطال پرونده
event-withdraw = انصراف شاکی
event-object = اعتراض شاکی
event-reopen = بازگشایی پرونده
event-note = یادداشت داخلی
event-assigned = واگذاری به کارشناس
event-asked = پرسش از شاکی
event-answered = پاسخ شاکی

opinion-violation = تخلف احراز شد
opinion-no_violation = تخلفی احراز نشد

closing-no_violation = نبود تخلف به نظر کمیسیون
closing-supervision = تصمیم کمیته نظارت
closing-withdrawal = انصراف شاکی
closing-agreement = سازش طرفین
status-with-closing = { $status } ({ $closing })

step-referral = بررسی و ارجاع به کمیسیون (۲ روز کاری)
step-commission = رسیدگی کمیسیون (۵ روز)
step-decision = تصمیم اتحادیه (۳ روز کاری)
step-supervision = رسیدگی کمیته نظارت
step-judicial = رسیدگی تعزیرات حکومتی (دو هفته)

role-citizen = شاکی
role-clerk = کارشناس
role-admin = مدیر
role-system = سامانه

## Messages to the citizen about their case

case-notice = 📣 <b>پرونده</b> <code>{ $code }</code>
case-notice-claimed = پرونده شما به کارشناس سپرده شد و در دست بررسی است.
case-notice-referred-commission = پرونده شما برای رسیدگی به کمیسیون رسیدگی به شکایات ارجاع شد. کمیسیون با دعوت از شما و طرف شکایت رسیدگی می‌کند.
case-notice-referred-supervision = پرونده شما به کمیته نظارت ارجاع شد. { $reason }
case-notice-commission-reviewed = کمیسیون نظر خود را درباره پرونده شما اعلام کرد؛ تصمیم اتحادیه ظرف سه روز کاری اعلام می‌شود.
case-notice-closed-no-violation = رسیدگی به پرونده شما پایان یافت و پرونده مختومه شد: { $reason }
    اگر به این تصمیم اعتراض دارید، با /object { $code } اعلام کنید.
case-notice-closed-by-supervision = پرونده شما پس از رسیدگی کمیته نظارت مختومه شد: { $reason }
    اگر به این تصمیم اعتراض دارید، با /object { $code } اعلام کنید.
case-notice-closed-by-agreement = سازش شما و طرف شکایت ثبت شد و پرونده مختومه شد.
    شرایط سازش: { $reason }
    اگر به این سازش اعتراض دارید، با /object { $code } اعلام کنید.
case-notice-referred-judicial = پرونده شما برای رسیدگی به سازمان تعزیرات حکومتی ارسال شد؛ رسیدگی آنجا ظرف دو هفته انجام می‌شود.
case-notice-voided = پرونده شما باطل شد: { $reason }
case-notice-withdrawn = انصراف شما ثبت شد و پرونده مختومه شد.
case-notice-objection-accepted = اعتراض شما ثبت شد و پرونده برای رسیدگی به سازمان تعزیرات حکومتی ارسال می‌شود.
case-notice-reopened = پرونده شما دوباره باز شد. { $reason }

## Refusals of the workflow

workflow-illegal = «{ $action }» در وضعیت «{ $from_status }» ممکن نیست.
workflow-forbidden = شما اجازه «{ $action }» را ندارید.
workflow-needs-reason = برای این کار نوشتن دلیل لازم است.
workflow-needs-opinion = ابتدا نظر کمیسیون را انتخاب کنید.
workflow-needs-opinion-first = پیش از تصمیم، نظر کمیسیون باید ثبت شود.
workflow-opinion-is-violation = کمیسیون تخلف را احراز کرده است؛ پرونده باید به تعزیرات ارجاع شود، نه مختومه.
workflow-opinion-is-no-violation = کمیسیون تخلفی احراز نکرده است؛ پرونده باید مختومه شود، نه ارجاع به تعزیرات.
workflow-opinion-already-recorded = نظر کمیسیون قبلاً ثبت شده است.
workflow-objection-after-withdrawal = پرونده با انصراف خود شما مختومه شده و اعتراض به آن ممکن نیست.
workflow-objection-already-used = اعتراض به این پرونده قبلاً ثبت شده است.
workflow-objection-window-passed = مهلت { $days } روزه اعتراض به این تصمیم گذشته است.
workflow-reopen-only-withdrawn = فقط پرونده‌ای که با انصراف خودتان مختومه شده را می‌توانید دوباره باز کنید.
workflow-reopen-window-passed = مهلت { $days } روزه بازگشایی این پرونده گذشته است.

## Deadline settings

sla-unknown-setting =
    تنظیم «{ $name }» شناخته نشد. نام‌ها: { $settings }
    روش استفاده: /sla صف نام=روز؛ مثلاً: /sla شکایات کمیسیون=۷
sla-not-positive-integer = مقدار «{ $name }» باید عدد صحیح مثبت باشد، نه «{ $value }».
sla-too-large = مقدار «{ $name }» ({ $value }) بیش از حد مجاز ({ $max }) است.

## Alerts to staff

alert-notice =
    ⏰ <b>یادآوری مهلت</b> — <code>{ $code }</code> ({ $business })
    { $step } — وضعیت: { $status }
    مهلت: { $due } (حدود { $hours } ساعت دیگر)
alert-breach =
    🚨 <b>مهلت گذشت</b> — <code>{ $code }</code> ({ $business })
    { $step } — وضعیت: { $status }
    مهلت: { $due }
alert-escalation =
    🔺 <b>ارجاع به مدیر: مهلت بیش از { $late } ساعت گذشته</b> — <code>{ $code }</code> ({ $business })
    { $step } — وضعیت: { $status }
    مهلت: { $due }
digest =
    🗓 <b>گزارش روزانه</b> — { $date }
    پرونده‌های تازه (۲۴ ساعت گذشته): { $new }
    پرونده‌های باز: { $open }
    مهلت امروز: { $due_today }
    مهلت گذشته: { $breached }{ $clerks }{ $sessions }
digest-clerks =
    <b>به تفکیک کارشناس:</b>
    { $lines }
digest-clerk-line = • { $clerk }: { $count }
digest-unassigned = بدون کارشناس

## The staff side

staff-history-line = • { $when } — { $event } ({ $role }) { $note }
staff-assigned-to-you = 📌 پرونده <code>{ $code }</code> ({ $business }) به شما سپرده شد.
staff-case-not-found = پرونده‌ای با این کد پیدا نشد.
staff-status-missing = وضعیت تازه را هم بنویسید.
staff-opinion-missing = نظر کمیسیون را هم بنویسید.
staff-person-missing = کارشناس را با @نام‌کاربری او بنویسید.
staff-status-unknown = وضعیت «{ $name }» شناخته نشد.
staff-assigned = پرونده <code>{ $code }</code> به { $clerk } سپرده شد.
staff-stale = این دکمه قدیمی است؛ پرونده اکنون در وضعیت «{ $status }» است و تغییری داده نشد.
staff-ask-prompt = پرسش خود از شاکی پرونده <code>{ $code }</code> را در پاسخ به همین پیام بنویسید.
staff-note-prompt = یادداشت داخلی پرونده <code>{ $code }</code> را در پاسخ به همین پیام بنویسید.
staff-reason-prompt = دلیل «{ $action }» برای پرونده <code>{ $code }</code> را در پاسخ به همین پیام بنویسید.
staff-terms-prompt = شرایط سازش طرفین در پرونده <code>{ $code }</code> را در پاسخ به همین پیام بنویسید؛ با ثبت آن پرونده مختومه می‌شود.
staff-opinion-choose = نظر کمیسیون درباره پرونده <code>{ $code }</code>:
staff-moved = ✅ پرونده <code>{ $code }</code>: { $action } — وضعیت: { $status } (توسط { $who })
staff-question-sent = پرسش برای شاکی پرونده <code>{ $code }</code> فرستاده شد.
staff-note-saved = یادداشت پرونده <code>{ $code }</code> ثبت شد.
staff-citizen-answered =
    💬 <b>پاسخ شاکی</b> — <code>{ $code }</code>
    <b>پرسش:</b> { $question }
    <b>پاسخ:</b> { $answer }
staff-citizen-action = 👤 شاکی پرونده <code>{ $code }</code>: { $action } — وضعیت: { $status }

## The citizen's side

citizen-question =
    ❓ <b>پرسش کارشناس درباره پرونده</b> <code>{ $code }</code>
    { $question }
    لطفاً پاسخ را در جواب همین پیام بنویسید.
citizen-answer-sent = پاسخ شما برای پرونده <code>{ $code }</code> به کارشناس رسید.
citizen-answer-which = چند پرسش بی‌پاسخ دارید؛ لطفاً روی همان پیام پرسش «پاسخ» را بزنید و جوابتان را بنویسید.
citizen-withdraw-confirm = آیا از شکایت پرونده <code>{ $code }</code> انصراف می‌دهید؟ پس از انصراف، پرونده مختومه می‌شود.
citizen-object-confirm = آیا به تصمیم پرونده <code>{ $code }</code> اعتراض دارید؟ با اعتراض، پرونده برای رسیدگی به تعزیرات حکومتی فرستاده می‌شود.
citizen-action-usage = کد رهگیری پرونده را هم بنویسید؛ مثلاً: /withdraw ۱۲۳۴۵-۶۷۸۹۰
citizen-action-done = ✅ <b>پرونده</b> <code>{ $code }</code>
citizen-action-relayed = پیام شما هم به کارشناس رسید.
button-yes-withdraw = بله، انصراف می‌دهم
button-yes-object = بله، اعتراض دارم
button-no = خیر
citizen-action-kept = تغییری داده نشد.
clock-starts = اکنون خارج از ساعت کاری دفتر است؛ رسیدگی به شکایت شما از { $when } آغاز می‌شود.
track-step = <b>مرحله فعلی:</b> { $step }

## Closures and holidays (admin)

holiday-added = دفتر در { $day } تعطیل اعلام شد؛ مهلت { $moved } پرونده باز جابه‌جا شد.
holiday-already = { $day } پیش‌تر تعطیل اعلام شده است.
holiday-removed = تعطیلی { $day } برداشته شد؛ مهلت { $moved } پرونده باز دوباره محاسبه شد.
holiday-not-closed = { $day } تعطیلی اعلام‌شده توسط مدیر نیست.
holiday-list =
    <b>تعطیلی‌های { $days } روز آینده</b>
    { $lines }
holiday-line = • { $day } — { $name }
holiday-line-closure = • { $day } — تعطیلی دفتر { $name }

## Roles, the staff list, bans

staff-only = این کار فقط برای کارشناسان و مدیران پیشخوان است.
admin-only = این کار فقط برای مدیران پیشخوان است.
staff-list =
    <b>کارشناسان افزوده‌شده</b> (اعضای گروه‌های کارشناسی هم کارشناس به شمار می‌آیند):
    { $lines }
staff-list-line = • { $who } — { $platform }
staff-added = { $who } به فهرست کارشناسان افزوده شد.
staff-already = { $who } پیش‌تر در فهرست کارشناسان بود.
staff-removed = { $who } از فهرست کارشناسان برداشته شد.
staff-not-listed = { $who } در فهرست کارشناسان نبود.
ban-self = نمی‌توانید خودتان را مسدود کنید.
banned = { $who } مسدود شد.
unbanned = { $who } از مسدودی خارج شد.
ban-unchanged = وضعیت { $who } تغییری نکرد.
banned-notice = دسترسی شما به پیشخوان به دلیل رفتار نامناسب مسدود شده است. پیام‌های بعدی شما پاسخ داده نمی‌شود.
help-staff =
    <b>دستورهای کارشناس</b>
    /case کد — پرونده، سابقه و اقدام‌های مجاز
    /status کد وضعیت دلیل — تغییر وضعیت؛ مثلاً: /status ۱۲۳۴۵-۶۷۸۹۰ مختومه سازش طرفین
    /opinion کد نظر — نظر کمیسیون؛ مثلاً: /opinion ۱۲۳۴۵-۶۷۸۹۰ عدم تخلف
    /agree کد شرایط — سازش طرفین و مختومه کردن پرونده؛ مثلاً: /agree ۱۲۳۴۵-۶۷۸۹۰ فروشنده مبلغ را بازمی‌گرداند
    /assign کد @نام‌کاربری — واگذاری پرونده
    /find متن — جست‌وجوی پرونده
    /respondent کد متن — پیام به متشاکی (کسب‌وکار دارای پروانه)
    /session کد تاریخ ساعت برخط پیوند|حضوری نشانی — جلسه کمیسیون («تغییر» برای تغییر زمان، «لغو» برای لغو)
    /cert کد — درخواست‌های تأییدیه فنی
    /refer — ثبت شکایت ارجاعی از نهادهای دیگر
    /receipt کد — رسید چاپی پرونده (رسید شکایت ارجاعی، خطاب به نهاد ارجاع‌دهنده)
    /licence شماره، نشانی یا نام — پروانه کسب‌وکار و شکایت‌ها از آن در یک سال گذشته
    هر دستور بدون نوشتهٔ دیگر، روش استفادهٔ خود را نشان می‌دهد.
help-admin =
    <b>دستورهای مدیر</b>
    /stats — آمار و نمودار
    /stats متخلفان دوره — کسب‌وکارهای پرشکایت
    /export — خروجی CSV و XLSX
    /sla — مهلت‌های هر صف و تغییر آن‌ها
    /holiday — تعطیلی‌های دفتر
    /staff — فهرست کارشناسان، افزودن و حذف
    /ban و /unban — مسدود کردن کاربر و رفع آن

dead-letter =
    ⚠️ <b>پیامی فرستاده نشد</b>
    نوع: { $purpose } — مقصد: { $target } — تلاش‌ها: { $attempts }
    علت: { $reason }
dead-letter-reason-blocked = گیرنده ربات را مسدود کرده است.
dead-letter-reason-gone = حساب کاربری گیرنده غیرفعال شده یا دیگر وجود ندارد.
dead-letter-reason-no-chat = گفت‌وگو پیدا نشد: گیرنده هنوز ربات را آغاز نکرده یا شماره گفت‌وگو در تنظیمات نادرست است.
dead-letter-reason-removed = ربات عضو این گروه نیست یا اجازه فرستادن پیام در آن را ندارد.
dead-letter-reason-too-long = پیام‌رسان پیام را نپذیرفت: متن آن بیش از اندازه بلند بود.
dead-letter-reason-markup = پیام‌رسان پیام را نپذیرفت: قالب‌بندی متن آن درست نبود.
dead-letter-reason-network = پیام‌رسان پس از چند بار تلاش پاسخی نداد.
dead-letter-reason-other = پیام فرستاده نشد؛ شرح فنی آن در گزارش سامانه آمده است.
staff-prompt-cancelled = لغو شد؛ چیزی ثبت نشد.
staff-chat-members-only = این کار فقط از کارشناسان عضو این گروه پذیرفته می‌شود. اگر کارشناس پیشخوان هستید، از یکی از مدیران بخواهید شما را به فهرست کارشناسان بیفزاید.

## The staff card, one for a case just filed and for /case

staff-card =
    { $heading } <code>{ $code }</code> — { $status }
    <b>موضوع:</b> { $subject }
    <b>کسب‌وکار:</b> { $business } ({ $website })
    <b>شماره پروانه:</b> { $licence }
    <b>متشاکی:</b> { $respondent }
    { $record }
    <b>شاکی:</b> { $citizen } ({ $platform }) — { $phone }
    <b>منبع:</b> { $source }
    <b>کارشناس:</b> { $assignee }
    <b>دریافت:</b> { $received }
    <b>مرحله:</b> { $step } — مهلت: { $step_due }
    <b>جلسه کمیسیون:</b> { $session }
    <b>مهلت ماده ۷۲:</b> { $overall_due }
    <b>نظر کمیسیون:</b> { $opinion }
    <b>شماره سفارش:</b> { $order_number }
    <b>تاریخ سفارش:</b> { $order_date }
    <b>مبلغ:</b> { $order_amount }
    <b>پیوست‌ها:</b> { $attachments }
    <b>شرح:</b> { $description }
    <b>سابقه:</b>
    { $history }
staff-card-new = 🆕 <b>شکایت تازه</b> —
staff-card-seen = 📄 <b>پرونده</b>
