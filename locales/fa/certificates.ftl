### Software technical certificate requests (تأییدیه فنی نرم‌افزار).

cert-status-submitted = ثبت شده
cert-status-documents_incomplete = نقص مدارک
cert-status-under_review = در حال بررسی
cert-status-awaiting_fee = در انتظار پرداخت هزینه
cert-status-issued = صادر شده
cert-event-imported = ثبت از فهرست اتحادیه؛ وضعیت:
cert-status-rejected = رد شده

cert-move-documents_incomplete = 📄 اعلام نقص مدارک
cert-move-under_review = 🔍 شروع بررسی
cert-move-awaiting_fee = 💳 درخواست پرداخت هزینه
cert-move-issued = ✅ صدور تأییدیه
cert-move-rejected = ✖️ رد درخواست

cert-details =
    <b>درخواست تأییدیه فنی نرم‌افزار</b> <code>{ $code }</code>
    <b>محصول:</b> { $product }
    <b>متقاضی:</b> { $applicant }
    <b>وضعیت:</b> { $status }
    <b>تاریخ ثبت:</b> { $submitted }
    <b>موعد تحویل:</b> { $due }
    { $extra }
cert-missing =
    <b>مدارک ناقص:</b>
    { $documents }
    <b>مهلت ارسال مدارک:</b> { $due }
cert-missing-line = • { $document }
cert-fee = <b>هزینه:</b> { $amount } ریال، قابل پرداخت به حساب دولت به صورت برخط یا حضوری.
cert-issued-link = <b>نشانی عمومی تأییدیه:</b> { $link }
cert-rejected-reason = <b>دلیل رد:</b> { $reason }
    اگر به این نتیجه اعتراض دارید، با /dispute و کد رهگیری شکایت ثبت کنید.
cert-notice =
    📣 وضعیت درخواست شما تغییر کرد.
    { $details }
cert-documents-reminder =
    ⏰ یادآوری: مهلت ارسال مدارک ناقص نزدیک است.
    { $details }
cert-breach =
    🚨 <b>موعد تحویل تأییدیه گذشت</b>
    { $details }
cert-staff-card =
    { $details }
    <b>تلفن متقاضی:</b> { $phone }
cert-created =
    ✅ درخواست ثبت شد.
    { $details }
    <b>تلفن متقاضی:</b> { $phone }
cert-moved =
    ✅ وضعیت درخواست تغییر کرد.
    { $details }
    <b>تلفن متقاضی:</b> { $phone }
cert-illegal = این تغییر وضعیت برای این درخواست ممکن نیست.
cert-needs-missing = فهرست مدارک ناقص و مهلتی در آینده لازم است؛ مثلاً: ۱۴۰۵/۰۹/۱۵ گواهی ثبت شرکت؛ مستندات فنی.
cert-needs-link = نشانی عمومی تأییدیه صادرشده لازم است؛ مثلاً https://example.ir/cert/123
cert-needs-reason = دلیل رد درخواست لازم است.
cert-bad-phone = شماره تلفن متقاضی درست نیست.
cert-new-usage = روش استفاده: /cert new شماره تلفن | نام محصول | نام متقاضی
cert-usage = روش استفاده: /cert کد [review | fee | issue نشانی | reject دلیل | missing تاریخ مدرک۱؛ مدرک۲]
cert-not-found = درخواستی با این کد پیدا نشد.
cert-prompt-link = نشانی عمومی تأییدیه درخواست <code>{ $code }</code> را در پاسخ به همین پیام بنویسید.
cert-prompt-reason = دلیل رد درخواست <code>{ $code }</code> را در پاسخ به همین پیام بنویسید.
cert-prompt-missing = مهلت و مدارک ناقص درخواست <code>{ $code }</code> را در پاسخ به همین پیام بنویسید؛ مثلاً: ۱۴۰۵/۰۹/۱۵ گواهی ثبت شرکت؛ مستندات فنی.
cert-dispute-business = سازمان فناوری اطلاعات ایران (تأییدیه فنی نرم‌افزار)
cert-dispute-usage = کد رهگیری درخواست تأییدیه را هم بنویسید؛ مثلاً: /dispute ۲۳۴۵۶-۷۸۹۰۱
cert-dispute-intro = شکایت درباره درخواست <code>{ $code }</code> را ثبت می‌کنیم؛ این شکایت به همان درخواست پیوند می‌خورد.
track-certificate =
    { $details }
    <b>سابقه:</b>
    { $history }
    برای شکایت درباره این درخواست: /dispute { $code }

## Import of certificate requests from a spreadsheet (admins)

cert-import-send-file = برای درون‌ریزی درخواست‌های تأییدیه، لطفاً فایل CSV یا XLSX آن‌ها را در گفت‌وگوی خصوصی با ربات بفرستید و در توضیح فایل بنویسید /cert import. فایلی که ستون‌های درخواست (نام متقاضی، موبایل متقاضی، نام محصول، وضعیت، تاریخ ثبت) را دارد بدون این توضیح هم شناخته می‌شود.
cert-import-admin-only = درون‌ریزی درخواست‌های تأییدیه فقط از دست مدیران پیشخوان برمی‌آید. اگر فایلی برای درون‌ریزی دارید، لطفاً آن را برای یکی از مدیران بفرستید.
cert-import-too-large = حجم این فایل بیش از { $max } مگابایت است و ربات نمی‌تواند آن را دریافت کند. لطفاً فایل را به چند بخش تقسیم کنید و جداگانه بفرستید.
cert-import-started = 📥 فایل دریافت شد؛ درون‌ریزی درخواست‌های تأییدیه فنی نرم‌افزار آغاز می‌شود…
cert-import-download-failed = دریافت فایل ممکن نشد. لطفاً چند دقیقه بعد دوباره بفرستید.
cert-import-progress =
    ⏳ درون‌ریزی درخواست‌های تأییدیه…
    { $bar } { $percent }٪
    { $done } از { $total } ردیف
cert-import-failed = ❌ <b>فایل درون‌ریزی نشد و چیزی ثبت نشد.</b> { $reason }
cert-import-report =
    ✅ <b>درون‌ریزی درخواست‌های تأییدیه پایان یافت.</b>
    ردیف‌های خوانده‌شده: { $read }
    درخواست‌های تازه: { $inserted }
    درخواست‌های به‌روزشده: { $updated }
    درخواست‌های بی‌تغییر: { $unchanged }
    ردیف‌های ردشده: { $rejected }
    به متقاضیان پیامی فرستاده نشد؛ هر متقاضی با شماره همراه تأییدشده خود می‌تواند درخواستش را با /track و کد رهگیری دنبال کند.
cert-import-rejections-title = <b>ردیف‌های ردشده:</b>
cert-import-rejection-line = • ردیف { $row }، ستون «{ $column }»: { $reason }
cert-import-more-rejections = … و { $n } ردیف ردشده دیگر.
cert-import-rejections-file = فهرست ردیف‌های ردشده ({ $n } ردیف) با دلیل هر کدام
cert-import-codes-file = کدهای رهگیری { $n } درخواست تازه، هر کدام کنار ردیف خود در فایل؛ لطفاً آن‌ها را به متقاضیان برسانید.
cert-import-codes-title = کدهای رهگیری درخواست‌های تازه:
cert-import-code-line = ردیف { $row }: { $code }
cert-import-csv-row = ردیف
cert-import-csv-column = ستون
cert-import-csv-reason = دلیل
cert-import-csv-code = کد رهگیری

cert-import-empty-file = فایل خالی است: سطر اول باید عنوان ستون‌ها باشد و پس از آن هر سطر یک درخواست.
cert-import-unreadable = فایل خوانده نشد: CSV یا XLSX سالمی نیست.
cert-import-unsupported-format = قالب قدیمی اکسل (xls) پشتیبانی نمی‌شود؛ فایل را با قالب XLSX یا CSV ذخیره کنید.
cert-import-missing-columns =
    { $count ->
        [one] این ستون لازم در سطر عنوان پیدا نشد
       *[other] این ستون‌های لازم در سطر عنوان پیدا نشدند
    }: { $columns }
cert-import-duplicate-column = ستون «{ $column }» دو بار آمده است.
cert-import-missing-value = مقدار این ستون خالی است.
cert-import-too-long = این مقدار بیش از { $max } نویسه است.
cert-import-bad-date = تاریخ «{ $value }» خوانده نشد؛ شمسی (۱۴۰۵/۰۸/۰۱) یا میلادی (۲۰۲۶-۱۰-۲۳) بنویسید.
cert-import-bad-code = «{ $value }» کد رهگیری درخواست تأییدیه نیست؛ برای درخواست تازه این خانه را خالی بگذارید.
cert-import-unknown-code = درخواستی با کد رهگیری { $value } در پیشخوان نیست؛ برای درخواست تازه این خانه را خالی بگذارید.
cert-import-bad-phone = شماره همراه «{ $value }» معتبر نیست؛ مانند ۰۹۱۲۳۴۵۶۷۸۹ بنویسید.
cert-import-bad-status = وضعیت «{ $value }» شناخته نشد؛ یکی از این‌ها را بنویسید: ثبت شده، نقص مدارک، در حال بررسی، در انتظار پرداخت هزینه، صادر شده، رد شده.
cert-import-submitted-in-future = تاریخ ثبت «{ $value }» در آینده است.
cert-import-bad-fee = هزینه «{ $value }» عدد ریال نیست؛ مانند ۱۰۰٬۰۰۰ بنویسید.
cert-import-needs-link = برای درخواست صادرشده، نشانی عمومی تأییدیه لازم است.
cert-import-bad-link = «{ $value }» نشانی اینترنتی معتبری نیست؛ مانند https://example.ir/cert/123 بنویسید.
cert-import-needs-reason = برای درخواست ردشده، دلیل رد لازم است.
cert-import-needs-missing = برای درخواستی که مدارکش ناقص است، فهرست مدارک ناقص لازم است (جداشده با «؛»).
cert-import-needs-documents-due = برای درخواستی که مدارکش ناقص است، مهلت ارسال مدارک لازم است.
cert-import-documents-due-past = مهلت ارسال مدارک «{ $value }» گذشته است؛ مهلتی در آینده بنویسید.
cert-import-duplicate-request = همین درخواست دوباره در ردیف { $later_row } آمده است؛ ردیف بعدی ثبت شد.
cert-import-illegal-move = وضعیت این درخواست در پیشخوان «{ $before ->
        [submitted] ثبت شده
        [documents_incomplete] نقص مدارک
        [under_review] در حال بررسی
        [awaiting_fee] در انتظار پرداخت هزینه
        [issued] صادر شده
       *[rejected] رد شده
    }» است و نمی‌تواند به این وضعیت برود؛ درخواست صادرشده یا ردشده دیگر تغییر نمی‌کند.
