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
cert-fee =
    <b>هزینه:</b> { $amount } ریال ({ $toman } تومان)
    <b>روش پرداخت:</b> فقط برخط با کارت بانکی، از درگاه پرداخت شاپرکی (دارای مجوز بانک مرکزی) در میز خدمت سازمان فناوری اطلاعات ایران، به حساب دولت. پرداخت نقدی پذیرفته نمی‌شود و پیشخوان وجهی دریافت نمی‌کند.
cert-issued-link = <b>نشانی عمومی تأییدیه:</b> { $link }
cert-rejected-reason = <b>دلیل رد:</b> { $reason }
# What the applicant is told: what happened, the request, and what comes next.
cert-notice =
    { $heading }
    { $details }
    { $next }
cert-notice-submitted = 📥 <b>درخواست تأییدیه فنی نرم‌افزار شما ثبت شد.</b> کد رهگیری آن <code>{ $code }</code> است.
cert-notice-documents_incomplete = 📄 <b>مدارک درخواست <code>{ $code }</code> کامل نیست.</b>
cert-notice-under_review = 🔍 <b>بررسی درخواست <code>{ $code }</code> آغاز شد.</b>
cert-notice-awaiting_fee = 💳 <b>بررسی درخواست <code>{ $code }</code> پایان یافت؛ نوبت پرداخت هزینه است.</b>
cert-notice-issued = ✅ <b>تأییدیه درخواست <code>{ $code }</code> صادر شد.</b>
cert-notice-rejected = ✖️ <b>درخواست <code>{ $code }</code> رد شد.</b>
cert-documents-reminder = ⏰ <b>یادآوری: مهلت ارسال مدارک درخواست <code>{ $code }</code> نزدیک است.</b>
cert-next-submitted = گام بعد: کارشناسان مدارک شما را بررسی می‌کنند. اگر مدرکی کم باشد، فهرست آن و مهلت ارسالش را همین‌جا می‌فرستیم. موعد تحویل، زمانی است که سازمان برای صدور اعلام کرده است. برای پیگیری: /track { $code }
cert-next-documents_incomplete = مدارک را همین‌جا بفرستید: دکمه «{ cert-button-send-documents }» را بزنید و هر مدرک را به صورت عکس یا فایل بفرستید. موعد تحویل پس از کامل شدن مدارک از نو شمرده می‌شود.
cert-next-under_review = گام بعد: پس از بررسی، هزینه صدور را اعلام می‌کنیم، یا اگر نکته‌ای باشد همین‌جا خبر می‌دهیم. برای پیگیری: /track { $code }
cert-next-awaiting_fee = برای پرداخت، دکمه «{ cert-button-pay }» را بزنید (یا به { $url } بروید). پس از پرداخت، دکمه «{ cert-button-paid }» را بزنید تا کارشناسان پرداخت را بررسی کنند و تأییدیه را صادر کنند.
cert-next-issued = تأییدیه برای دسترسی عموم در نشانی بالا منتشر شده است.
cert-next-rejected = اگر به این نتیجه اعتراض دارید، با /dispute { $code } شکایت ثبت کنید.
cert-button-send-documents = 📎 ارسال مدارک
cert-button-pay = 💳 پرداخت برخط
cert-button-paid = ✅ پرداخت کردم
cert-button-documents-done = ✅ تمام شد
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
cert-new-usage = روش استفاده: /cert تازه شماره تلفن | نام محصول | نام متقاضی؛ مثلاً: /cert تازه ۰۹۱۲۱۲۳۴۵۶۷ | سامانه فروش | مریم رضایی
cert-not-found = درخواستی با این کد پیدا نشد.
cert-prompt-link = نشانی عمومی تأییدیه درخواست <code>{ $code }</code> را در پاسخ به همین پیام بنویسید.
cert-prompt-reason = دلیل رد درخواست <code>{ $code }</code> را در پاسخ به همین پیام بنویسید.
cert-prompt-missing = مهلت و مدارک ناقص درخواست <code>{ $code }</code> را در پاسخ به همین پیام بنویسید؛ مثلاً: ۱۴۰۵/۰۹/۱۵ گواهی ثبت شرکت؛ مستندات فنی.
cert-dispute-business = سازمان فناوری اطلاعات ایران (تأییدیه فنی نرم‌افزار)
cert-dispute-usage = کد رهگیری درخواست تأییدیه را هم بنویسید؛ مثلاً: /dispute ۲۳۴۵۶-۷۸۹۰۱
cert-dispute-intro = شکایت درباره درخواست <code>{ $code }</code> را ثبت می‌کنیم؛ این شکایت به همان درخواست پیوند می‌خورد.
cert-event-document = مدرک فرستاده شد: { $name }
cert-event-document-unnamed = عکس مدرک فرستاده شد
cert-event-documents_sent = ارسال مدارک تمام شد
cert-event-fee_reported = متقاضی پرداخت هزینه را اعلام کرد

## The applicant sends documents and says the fee is paid

cert-documents-ask-list =
    📎 مدارک درخواست <code>{ $code }</code> را همین‌جا بفرستید، هر کدام به صورت عکس یا فایل (مثلاً PDF):
    { $documents }
    <b>مهلت ارسال:</b> { $due }
    پس از فرستادن همه، دکمه «{ cert-button-documents-done }» را بزنید.
cert-documents-ask = 📎 مدارک درخواست <code>{ $code }</code> را همین‌جا به صورت عکس یا فایل بفرستید. پس از فرستادن همه، دکمه «{ cert-button-documents-done }» را بزنید.
cert-document-received = ✅ فایل { $n } برای درخواست <code>{ $code }</code> به کارشناسان تأییدیه فرستاده شد. مدرک بعدی را بفرستید، یا اگر همه را فرستاده‌اید دکمه «{ cert-button-documents-done }» را بزنید.
cert-documents-not-file = مدارک درخواست <code>{ $code }</code> را به صورت عکس یا فایل بفرستید. اگر همه را فرستاده‌اید، دکمه «{ cert-button-documents-done }» را بزنید؛ برای انصراف: /cancel
cert-documents-none-yet = هنوز فایلی برای درخواست <code>{ $code }</code> نفرستاده‌اید. مدارک را به صورت عکس یا فایل بفرستید؛ برای انصراف: /cancel
cert-documents-done = ✅ { $n } فایل درخواست <code>{ $code }</code> به کارشناسان رسید. پس از بررسی، نتیجه را همین‌جا خبر می‌دهیم.
cert-documents-done-already = ارسال مدارک درخواست <code>{ $code }</code> پیش‌تر تمام شده است. اگر مدرک دیگری دارید، آن را همین‌جا بفرستید.
cert-documents-closed = درخواست <code>{ $code }</code> «{ $status }» است و دیگر مدرکی نمی‌پذیرد.
cert-documents-which = این فایل برای کدام درخواست است؟ درخواست را انتخاب کنید تا فایل به کارشناسان آن برسد.
cert-request-button = { $code } — { $product }
cert-file-too-large = این فایل بزرگ‌تر از ۲۰ مگابایت است و فرستاده نمی‌شود؛ لطفاً فایل کوچک‌تری بفرستید یا آن را در چند بخش بفرستید.
cert-paid-recorded = ✅ اعلام پرداخت شما برای درخواست <code>{ $code }</code> به کارشناسان تأییدیه رسید. پس از تأیید واریز، تأییدیه صادر می‌شود و نشانی عمومی آن را همین‌جا برایتان می‌فرستیم.
cert-paid-already = پرداخت درخواست <code>{ $code }</code> را پیش‌تر اعلام کرده‌اید؛ کارشناسان در حال بررسی آن هستند.
cert-paid-not-awaiting = درخواست <code>{ $code }</code> اکنون «{ $status }» است و در انتظار پرداخت هزینه نیست.
cert-staff-document = 📎 مدرک متقاضی برای درخواست <code>{ $code }</code> ({ $product })
cert-staff-document-said =
    📎 مدرک متقاضی برای درخواست <code>{ $code }</code> ({ $product })
    توضیح متقاضی: { $words }
cert-staff-documents-sent = 📨 متقاضی ارسال مدارک درخواست <code>{ $code }</code> ({ $product }) را تمام کرد: { $n } فایل. پس از بررسی، وضعیت درخواست را با دکمه‌های زیر تغییر دهید.
cert-staff-paid = 💳 متقاضی درخواست <code>{ $code }</code> ({ $product }) اعلام کرد هزینه ({ $amount } ریال) را پرداخت کرده است. پس از تأیید واریز، تأییدیه را با دکمه «{ cert-move-issued }» صادر کنید.

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
cert-import-rejection-row-line = • ردیف { $row }: { $reason }
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
