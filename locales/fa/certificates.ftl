### Software technical certificate requests (تاییدیه فنی نرم‌افزار).

cert-status-submitted = ثبت شده
cert-status-documents_incomplete = نقص مدارک
cert-status-under_review = در حال بررسی
cert-status-awaiting_fee = در انتظار پرداخت هزینه
cert-status-issued = صادر شده
cert-status-rejected = رد شده

cert-move-documents_incomplete = 📄 اعلام نقص مدارک
cert-move-under_review = 🔍 شروع بررسی
cert-move-awaiting_fee = 💳 درخواست پرداخت هزینه
cert-move-issued = ✅ صدور تاییدیه
cert-move-rejected = ✖️ رد درخواست

cert-details =
    <b>درخواست تاییدیه فنی نرم‌افزار</b> <code>{ $code }</code>
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
cert-issued-link = <b>نشانی عمومی تاییدیه:</b> { $link }
cert-rejected-reason = <b>دلیل رد:</b> { $reason }
    اگر به این نتیجه اعتراض دارید، با /dispute و کد رهگیری شکایت ثبت کنید.
cert-notice =
    📣 وضعیت درخواست شما تغییر کرد.
    { $details }
cert-documents-reminder =
    ⏰ یادآوری: مهلت ارسال مدارک ناقص نزدیک است.
    { $details }
cert-breach =
    🚨 <b>موعد تحویل تاییدیه گذشت</b>
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
cert-needs-missing = فهرست مدارک ناقص و مهلتی در آینده لازم است؛ مثلاً: ۱۴۰۵/۰۹/۱۵ گواهی ثبت شرکت؛ مستندات فنی
cert-needs-link = نشانی عمومی تاییدیه صادرشده لازم است؛ مثلاً https://example.ir/cert/123
cert-needs-reason = دلیل رد درخواست لازم است.
cert-bad-phone = شماره تلفن متقاضی درست نیست.
cert-new-usage = روش استفاده: /cert new شماره تلفن | نام محصول | نام متقاضی
cert-usage = روش استفاده: /cert کد [review | fee | issue نشانی | reject دلیل | missing تاریخ مدرک۱؛ مدرک۲]
cert-not-found = درخواستی با این کد پیدا نشد.
cert-prompt-link = نشانی عمومی تاییدیه درخواست <code>{ $code }</code> را در پاسخ به همین پیام بنویسید.
cert-prompt-reason = دلیل رد درخواست <code>{ $code }</code> را در پاسخ به همین پیام بنویسید.
cert-prompt-missing = مهلت و مدارک ناقص درخواست <code>{ $code }</code> را در پاسخ به همین پیام بنویسید؛ مثلاً: ۱۴۰۵/۰۹/۱۵ گواهی ثبت شرکت؛ مستندات فنی
cert-dispute-business = سازمان فناوری اطلاعات ایران (تاییدیه فنی نرم‌افزار)
cert-dispute-usage = کد رهگیری درخواست تاییدیه را هم بنویسید؛ مثلاً: /dispute 23456-78901
cert-dispute-intro = شکایت درباره درخواست <code>{ $code }</code> را ثبت می‌کنیم؛ این شکایت به همان درخواست پیوند می‌خورد.
track-certificate =
    { $details }
    <b>سابقه:</b>
    { $history }
    برای شکایت درباره این درخواست: /dispute { $code }
