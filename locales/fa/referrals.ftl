### Complaints referred by other bodies: the staff's form, the import, the complainant.

## The referring bodies and a case's source

referral-body-ecommerce_center = مرکز توسعه تجارت الکترونیکی
referral-body-industry_organization = سازمان صنعت، معدن و تجارت استان { $name }
referral-body-guilds_chamber = اتاق اصناف
referral-body-article52_inspectors = بازرسان ماده ۵۲ اتاق اصناف
referral-body-other = { $name }
referral-button-ecommerce_center = مرکز توسعه تجارت الکترونیکی
referral-button-industry_organization = سازمان صنعت، معدن و تجارت استان …
referral-button-guilds_chamber = اتاق اصناف
referral-button-article52_inspectors = بازرسان ماده ۵۲ اتاق اصناف
referral-button-other = نهاد دیگر (با نام)
source-chat = ثبت‌شده در گفت‌وگو با ربات
source-referral = ارجاعی از { $body }، نامه شماره { $number } مورخ { $date }
event-referred = ثبت شکایت ارجاعی
event-complainant_linked = شاکی شماره همراه خود را تأیید کرد

## The staff's form (/refer)

referral-intro =
    📨 ثبت شکایت ارجاعی را شروع می‌کنیم. پاسخ هر پرسش را در جواب (Reply) همان پیام بنویسید؛ با /cancel فرم کنار گذاشته می‌شود.
    { usage-refer }
referral-resumed = فرم نیمه‌کاره شکایت ارجاعی شما از همان مرحله ادامه می‌یابد؛ برای کنار گذاشتن آن /cancel را بفرستید.
referral-cancelled = فرم شکایت ارجاعی کنار گذاشته شد؛ چیزی ثبت نشد.
referral-skip-hint = (اگر نامه آن را ندارد، - بفرستید.)
referral-ask-body = <b>مرحله { $n } از { $total }</b>
    شکایت را کدام نهاد ارجاع داده است؟
referral-ask-body-name-industry_organization = <b>مرحله { $n } از { $total }</b>
    سازمان صنعت، معدن و تجارت کدام استان؟ نام استان را بنویسید؛ مثلاً اصفهان
referral-ask-body-name-other = <b>مرحله { $n } از { $total }</b>
    نام نهاد ارجاع‌دهنده را همان‌گونه که در نامه آمده بنویسید.
referral-ask-letter-number = <b>مرحله { $n } از { $total }</b>
    شماره نامه را همان‌گونه که در نامه آمده بنویسید؛ مثلاً ۱۲۳۴/ص/۱۴۰۵
referral-ask-letter-date = <b>مرحله { $n } از { $total }</b>
    تاریخ نامه را بنویسید؛ مثلاً ۱۴۰۵/۰۸/۲۸. مهلت‌های قانونی رسیدگی از همین تاریخ شمرده می‌شود.
referral-ask-complainant-name = <b>مرحله { $n } از { $total }</b>
    نام شاکی را همان‌گونه که در نامه آمده بنویسید. { $skip }
referral-ask-complainant-mobile = <b>مرحله { $n } از { $total }</b>
    شماره همراه شاکی را بنویسید؛ مثلاً ۰۹۱۲۳۴۵۶۷۸۹. هر وقت شاکی همین شماره را در پیشخوان تأیید کند، پرونده را در «پرونده‌های من» می‌بیند و از هر تغییر آن باخبر می‌شود. { $skip }
referral-ask-business-name = <b>مرحله { $n } از { $total }</b>
    نام کسب‌وکاری که از آن شکایت شده را بنویسید.
referral-ask-website = <b>مرحله { $n } از { $total }</b>
    نشانی وب‌سایت یا اپلیکیشن آن را بنویسید؛ مثلاً <code>example.ir</code> یا نام صفحه مانند <code>@shop</code>.
referral-ask-licence = <b>مرحله { $n } از { $total }</b>
    شماره پروانه کسب آن را بنویسید. { $skip }
referral-ask-subject = <b>مرحله { $n } از { $total }</b>
    موضوع شکایت را انتخاب کنید:
referral-ask-description = <b>مرحله { $n } از { $total }</b>
    شرح شکایت را از روی نامه بنویسید (حداکثر { $max } نویسه).
referral-ask-order-number = <b>مرحله { $n } از { $total }</b>
    شماره سفارش را بنویسید. { $skip }
referral-ask-order-date = <b>مرحله { $n } از { $total }</b>
    تاریخ سفارش را بنویسید؛ مثلاً ۱۴۰۵/۰۸/۲۵ { $skip }
referral-ask-order-amount = <b>مرحله { $n } از { $total }</b>
    مبلغ پرداختی را بنویسید؛ مثلاً ۲٬۵۰۰٬۰۰۰ ریال یا ۳ میلیون تومان. اگر واحد را ننویسید، ریال حساب می‌شود. { $skip }
referral-summary =
    <b>خلاصه شکایت ارجاعی</b>
    <b>نهاد ارجاع‌دهنده:</b> { $body }
    <b>شماره نامه:</b> { $number }
    <b>تاریخ نامه:</b> { $date }
    <b>شاکی:</b> { $complainant } — { $mobile }
    { $details }

    اگر درست است «ثبت شکایت ارجاعی» را بزنید.
referral-button-confirm = ✅ ثبت شکایت ارجاعی
referral-button-cancel = لغو
referral-registered =
    ✅ شکایت ارجاعی ثبت شد.
    کد رهگیری: <code>{ $code }</code>
    مهلت‌های قانونی از { $clock } شمرده می‌شود.
    { $complainant }
referral-complainant-found = شاکی پیش‌تر همین شماره همراه را در پیشخوان تأیید کرده بود؛ ثبت پرونده به او خبر داده شد.
referral-complainant-awaited = هر وقت شاکی شماره همراه نامه را در پیشخوان تأیید کند، پرونده به او نشان داده می‌شود.
referral-receipt =
    🧾 <b>رسید ثبت شکایت ارجاعی</b>
    <b>گیرنده:</b> { $addressee }
    <b>بازگشت به نامه:</b> شماره { $number } مورخ { $date }
    <b>خدمت:</b> { $service }
    <b>شاکی:</b> { $recipient }
    <b>شماره رهگیری:</b> <code>{ $code }</code>
    <b>تاریخ و ساعت ثبت:</b> { $when }
    <b>مبلغ دریافتی:</b> { $amount }
    <b>وضعیت:</b> { $status }
    —
    <b>ارائه‌دهنده:</b> { $desk }
    <b>شماره پروانه:</b> { $desk_licence }
    <b>متصدی:</b> { $operator }
    <b>نشانی:</b> { $address }
referral-licence-invalid = شماره پروانه باید فقط رقم و حرف (و در صورت نیاز / یا -) باشد؛ مثلاً ۱۴۰۰۱۲۳۴۵. اگر نامه آن را ندارد، - بفرستید.
referral-province-unknown = این نام استان شناخته نشد؛ نام یکی از ۳۱ استان را بنویسید، مثلاً اصفهان یا خراسان رضوی.
referral-body-name-length = نام نهاد باید دست‌کم ۲ و حداکثر { $max } نویسه باشد.
referral-letter-number-invalid = شماره نامه باید دست‌کم یک رقم داشته باشد و از { $max } نویسه بیشتر نباشد؛ مثلاً ۱۲۳۴/ص/۱۴۰۵
referral-letter-date-invalid = تاریخ را به شکل سال/ماه/روز بنویسید؛ مثلاً ۱۴۰۵/۰۸/۲۸ یا ۲۰۲۶-۱۱-۱۹.
referral-letter-date-future = تاریخ نامه نمی‌تواند در آینده باشد.
referral-complainant-name-length = نام شاکی باید دست‌کم ۲ و حداکثر { $max } نویسه باشد.
referral-mobile-invalid = این شماره همراه معتبر نیست؛ مانند ۰۹۱۲۳۴۵۶۷۸۹ بنویسید.

## The complainant

case-notice-referral-found =
    شکایتی که { $body } با نامه شماره { $number } به اتحادیه ارجاع داده، به نام شما ثبت شده است.
    وضعیت کنونی: { $status }. از این پس هر تغییر آن را به شما خبر می‌دهیم؛ جزئیات: /track { $code }
my-cases-verify-offer = اگر نهاد دیگری (مانند سازمان صنعت، معدن و تجارت یا اتاق اصناف) شکایت شما را به اتحادیه فرستاده، شماره همراه خود را با دکمه «ارسال شماره همراه من» بفرستید تا پرونده‌تان این‌جا دیده شود.

## Import of referred complaints from a spreadsheet (admins)

referral-import-send-file = برای درون‌ریزی شکایت‌های ارجاعی، لطفاً فایل CSV یا XLSX نامه‌ها را در گفت‌وگوی خصوصی با ربات بفرستید و در توضیح فایل بنویسید /refer import. فایلی که ستون‌های نامه (نهاد ارجاع‌دهنده، شماره نامه، تاریخ نامه و ستون‌های شکایت) را دارد بدون این توضیح هم شناخته می‌شود.
referral-import-admin-only = درون‌ریزی شکایت‌های ارجاعی فقط از دست مدیران پیشخوان برمی‌آید. برای ثبت یک نامه /refer را بفرستید.
referral-import-too-large = حجم این فایل بیش از { $max } مگابایت است و ربات نمی‌تواند آن را دریافت کند. لطفاً فایل را به چند بخش تقسیم کنید و جداگانه بفرستید.
referral-import-started = 📥 فایل دریافت شد؛ درون‌ریزی شکایت‌های ارجاعی آغاز می‌شود…
referral-import-download-failed = دریافت فایل ممکن نشد. لطفاً چند دقیقه بعد دوباره بفرستید.
referral-import-progress =
    ⏳ درون‌ریزی شکایت‌های ارجاعی…
    { $bar } { $percent }٪
    { $done } از { $total } ردیف
referral-import-failed = ❌ <b>فایل درون‌ریزی نشد و چیزی ثبت نشد.</b> { $reason }
referral-import-report =
    ✅ <b>درون‌ریزی شکایت‌های ارجاعی پایان یافت.</b>
    ردیف‌های خوانده‌شده: { $read }
    پرونده‌های تازه: { $inserted }
    ثبت‌شده از پیش: { $unchanged }
    ردیف‌های ردشده: { $rejected }
    کارت هر پرونده تازه به گروه کارشناسان شکایات فرستاده می‌شود. تنها شاکیانی که شماره همراهشان پیش‌تر در پیشخوان تأیید شده باخبر شدند؛ دیگران هر وقت همان شماره را تأیید کنند پرونده را می‌بینند.
referral-import-rejections-title = <b>ردیف‌های ردشده:</b>
referral-import-rejection-line = • ردیف { $row }، ستون «{ $column }»: { $reason }
referral-import-rejection-row-line = • ردیف { $row }: { $reason }
referral-import-more-rejections = … و { $n } ردیف ردشده دیگر.
referral-import-rejections-file = فهرست ردیف‌های ردشده ({ $n } ردیف) با دلیل هر کدام
referral-import-codes-file = کدهای رهگیری { $n } پرونده تازه، هر کدام کنار ردیف خود در فایل؛ برای پاسخ به نهادهای ارجاع‌دهنده.
referral-import-codes-title = کدهای رهگیری پرونده‌های تازه:
referral-import-code-line = ردیف { $row }: { $code }
referral-import-csv-row = ردیف
referral-import-csv-column = ستون
referral-import-csv-reason = دلیل
referral-import-csv-code = کد رهگیری

referral-import-empty-file = فایل خالی است: سطر اول باید عنوان ستون‌ها باشد و پس از آن هر سطر یک شکایت ارجاعی.
referral-import-unreadable = فایل خوانده نشد: CSV یا XLSX سالمی نیست.
referral-import-unsupported-format = قالب قدیمی اکسل (xls) پشتیبانی نمی‌شود؛ فایل را با قالب XLSX یا CSV ذخیره کنید.
referral-import-missing-columns =
    { $count ->
        [one] این ستون لازم در سطر عنوان پیدا نشد
       *[other] این ستون‌های لازم در سطر عنوان پیدا نشدند
    }: { $columns }
referral-import-duplicate-column = ستون «{ $column }» دو بار آمده است.
referral-import-missing-value = مقدار این ستون خالی است.
referral-import-too-long = این مقدار بیش از { $max } نویسه است.
referral-import-bad-date = تاریخ «{ $value }» خوانده نشد؛ شمسی (۱۴۰۵/۰۸/۰۱) یا میلادی (۲۰۲۶-۱۰-۲۳) بنویسید.
referral-import-bad-body = نهاد «{ $value }» شناخته نشد؛ یکی از این‌ها را بنویسید: مرکز توسعه تجارت الکترونیکی، سازمان صنعت، معدن و تجارت استان …، اتاق اصناف، بازرسان ماده ۵۲، سایر.
referral-import-needs-name-industry_organization = برای سازمان صنعت، معدن و تجارت، نام استان لازم است (در همین ستون پس از نام سازمان، یا در ستون «نام نهاد یا استان»).
referral-import-needs-name-other = برای نهاد «سایر»، نام نهاد در ستون «نام نهاد یا استان» لازم است.
referral-import-bad-subject = موضوع «{ $value }» شناخته نشد؛ یکی از این‌ها را بنویسید: فصل هشتم، ماده ۵، ماده ۱۳، سایر.
referral-import-bad-licence = شماره پروانه باید فقط رقم و حرف (و در صورت نیاز / یا -) باشد؛ مثلاً ۱۴۰۰۱۲۳۴۵. اگر نامه آن را ندارد، این خانه را خالی بگذارید.
referral-import-duplicate-letter = همین نامه درباره همین کسب‌وکار دوباره در ردیف { $later_row } آمده است؛ ردیف بعدی ثبت شد.

## The printed receipt of a referred complaint, addressed to the referring body

referral-pdf-caption = 🖨 رسید چاپی شکایت ارجاعی <code>{ $code }</code> برای { $addressee }، در پاسخ به نامه شماره { $number }؛ برای پرونده اتحادیه و پیوست پاسخ به نامه.
referral-pdf-title = رسید ثبت شکایت ارجاعی
referral-pdf-to = به: { $addressee }
referral-pdf-field-letter = بازگشت به نامه
referral-pdf-letter = شماره { $number } مورخ { $date }
referral-pdf-field-complainant = شاکی
referral-pdf-field-registered = تاریخ و ساعت ثبت
referral-pdf-field-subject = موضوع شکایت
referral-pdf-field-step = مرحله قانونی
referral-pdf-field-step-due = مهلت این مرحله
referral-pdf-field-overall-due = مهلت رسیدگی (ماده ۷۲)
referral-pdf-field-status = وضعیت
referral-pdf-verify = برای اطمینان از درستی این رسید، کد رهگیری آن را با دستور زیر به بات پیشخوان بفرستید یا پیوند زیر را باز کنید. پرونده برای شاکی، پس از تأیید شماره همراهش در پیشخوان، و برای کارشناسان اتحادیه باز می‌شود.
referral-pdf-footer = این رسید را بات پیشخوان برای پرونده اتحادیه و پاسخ به نامه نهاد ارجاع‌دهنده صادر کرده است؛ کارشناسان با /receipt و کد رهگیری آن را دوباره می‌گیرند.
referral-import-staff-summary =
    📥 <b>{ $n } شکایت ارجاعی از فایل «{ $file }» ثبت شد.</b>
    کارت هر پرونده در همین گروه است. رسید چاپی هر پرونده، خطاب به نهاد ارجاع‌دهنده، با /receipt و کد رهگیری آن فرستاده می‌شود؛ مثلاً /receipt ۱۲۳۴۵-۶۷۸۹۰

## The business's province in the staff's form, when the registry does not know it

referral-ask-province = <b>مرحله { $n } از { $total }</b>
    کسب‌وکار در کدام استان است؟ نام استان را بنویسید؛ مثلاً اصفهان یا خراسان رضوی. { $skip }
